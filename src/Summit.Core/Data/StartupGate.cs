namespace Summit.Core.Data;

/// <summary>
/// Whether this process may serve: its start (schema, roles, demo) is done and it is not shutting down. The readiness
/// endpoint answers from it, requests that arrive earlier are told to come back, and the job server waits for it.
/// </summary>
public sealed class StartupGate
{
    private readonly TaskCompletionSource started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool draining;

    /// <summary>Completes when the start is done; faults with the start's error.</summary>
    public Task Started => started.Task;

    public bool IsReady => started.Task.IsCompletedSuccessfully && !draining;

    public bool IsDraining => draining;

    /// <summary>What the start is doing now, for the readiness answer ("waiting for migrations").</summary>
    public string Stage { get; set; } = "starting";

    public void Open()
    {
        Stage = "started";
        started.TrySetResult();
    }

    public void Fail(Exception error) => started.TrySetException(error);

    /// <summary>Shutdown began: readiness goes false so that a balancer stops sending, while requests in flight finish.</summary>
    public void Drain() => draining = true;
}
