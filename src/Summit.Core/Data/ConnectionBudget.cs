namespace Summit.Core.Data;

/// <summary>
/// The PostgreSQL connections a process may open, by pool (docs/operations.md has the formula). The defaults keep three
/// web nodes and one worker under 80 connections at full load, below PostgreSQL's default <c>max_connections</c> of
/// 100 with room for an operator's psql and a backup.
/// </summary>
public static class ConnectionBudget
{
    /// <summary>Requests (and the jobs' own queries): <c>Database:PostgresMaxPoolSize</c> on a web node.</summary>
    public const int WebPoolSize = 15;

    /// <summary>The same setting's default in a worker, whose queries are the jobs' (four at a time by default).</summary>
    public const int WorkerPoolSize = 8;

    /// <summary>Hangfire in a process that only queues jobs (a web node with <c>Jobs:RunServer=false</c>).</summary>
    public const int HangfireClientPoolSize = 3;

    /// <summary>Hangfire's pool in a process that runs jobs: one per worker thread, and three for its bookkeeping.</summary>
    public static int HangfireServerPoolSize(int workerCount) => workerCount + 3;

    /// <summary>The readiness check's own pool, so that a node whose request pool is exhausted still answers its probe.</summary>
    public const int HealthPoolSize = 1;

    /// <summary>A web node's LISTEN connection for cache evictions from other nodes (decision 0019), held open, unpooled.</summary>
    public const int CacheListenerConnections = 1;
}
