using Microsoft.Extensions.Hosting;
using Summit.Core.Data;

namespace Summit.Jobs.Hosting;

/// <summary>
/// Starts a hosted service (the Hangfire server) only once the process's start is done: the web answers its health
/// endpoints while it waits for the schema, but no job runs against a database that is not migrated yet.
/// </summary>
internal sealed class AfterStartHostedService(IHostedService inner, StartupGate gate) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource stopping = new();
    private Task? starting;
    private bool started;
    private readonly Lock stopLock = new();
    private Task? stop;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        starting = StartWhenReadyAsync();
        return Task.CompletedTask;
    }

    private async Task StartWhenReadyAsync()
    {
        try
        {
            await gate.Started.WaitAsync(stopping.Token);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        catch (Exception)
        {
            // The start failed; the process is stopping with that error, and no job server is wanted.
            return;
        }

        await inner.StartAsync(stopping.Token);
        started = true;
    }

    /// <summary>
    /// Stops once: the host may be asked to stop twice at the same moment (by the program's own wait for shutdown and
    /// by whoever stopped it), and each caller waits for the same stop.
    /// </summary>
    public Task StopAsync(CancellationToken cancellationToken)
    {
        lock (stopLock)
        {
            return stop ??= StopOnceAsync(cancellationToken);
        }
    }

    private async Task StopOnceAsync(CancellationToken cancellationToken)
    {
        await stopping.CancelAsync();
        if (starting is not null)
        {
            await starting.WaitAsync(cancellationToken);
        }

        if (started)
        {
            await inner.StopAsync(cancellationToken);
        }
    }

    public void Dispose()
    {
        stopping.Dispose();
        (inner as IDisposable)?.Dispose();
    }
}
