using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Summit.Core.Data;

namespace Summit.Jobs.Hosting;

/// <summary>
/// The first thing a stopping web node does: readiness turns false, then the node keeps serving for
/// <c>Health:DrainSeconds</c> before the server stops taking connections (and finishes the requests in flight).
/// </summary>
public sealed class DrainOnShutdown(StartupGate gate, IOptions<HealthOptions> options, ILogger<DrainOnShutdown> logger) : IHostedLifecycleService
{
    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        gate.Drain();
        var drain = TimeSpan.FromSeconds(options.Value.DrainSeconds);
        if (drain > TimeSpan.Zero && gate.Started.IsCompletedSuccessfully)
        {
            logger.LogInformation("Stopping: not ready any more, serving {Seconds} s longer while the balancer notices.", options.Value.DrainSeconds);
            try
            {
                await Task.Delay(drain, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // The host's shutdown timeout ran out first; stop now.
            }
        }
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
