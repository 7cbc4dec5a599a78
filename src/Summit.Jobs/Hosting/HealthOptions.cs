using System.ComponentModel.DataAnnotations;

namespace Summit.Jobs.Hosting;

/// <summary>The <c>Health</c> section: what a balancer or an orchestrator asks each process.</summary>
public sealed class HealthOptions
{
    public const string Section = "Health";

    /// <summary>
    /// On SIGTERM a web node first answers "not ready" for this long while it still serves, so that the balancer
    /// stops sending before the node stops listening. Set it to the balancer's check interval or a little more.
    /// </summary>
    [Range(0, 300)]
    public int DrainSeconds { get; set; } = 5;

    /// <summary>The port on which a worker answers <c>/health/live</c> and <c>/health/ready</c> (it serves nothing else).</summary>
    [Range(1, 65535)]
    public int WorkerPort { get; set; } = 5081;
}
