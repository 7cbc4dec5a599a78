using System.ComponentModel.DataAnnotations;

namespace Summit.Jobs;

/// <summary>The <c>Jobs</c> section.</summary>
public sealed class JobsOptions
{
    public const string Section = "Jobs";

    /// <summary>Whether the web process also runs a Hangfire server. Set to false when separate workers run the jobs.</summary>
    public bool RunServer { get; set; } = true;

    [Range(1, 64)]
    public int WorkerCount { get; set; } = 4;

    /// <summary>
    /// PostgreSQL only: Hangfire's own pool. By default <c>WorkerCount + 3</c> in a process that runs jobs and 3 in one
    /// that only queues them (<see cref="Core.Data.ConnectionBudget"/>).
    /// </summary>
    [Range(1, 200)]
    public int? PostgresMaxPoolSize { get; set; }

    /// <summary>
    /// How often an idle server asks storage for new jobs. The storages' own default (15 s) makes email feel broken;
    /// at 250 ms a registration's email consequence is done within 0.4 s of its commit (p95, docs/performance.md).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan QueuePollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// PostgreSQL only: how long a fetched job stays hidden from other servers without its worker renewing it (a live
    /// worker renews it every fifth of this). A killed worker's jobs are fetched again by another within this time.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan InvisibilityTimeout { get; set; } = TimeSpan.FromSeconds(45);
}
