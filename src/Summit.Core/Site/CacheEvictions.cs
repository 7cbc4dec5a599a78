using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Summit.Core.Data;

namespace Summit.Core.Site;

/// <summary>
/// Where a node's cached pages are dropped when a change makes them stale: this node's own cache (a web node registers
/// one; a worker has none).
/// </summary>
public interface ILocalCacheEviction
{
    Task EvictAsync(string tag, CancellationToken cancellationToken);
}

/// <summary>
/// Tells every node that the pages cached under a tag are stale (decision 0019): this node's cache at once, and on
/// PostgreSQL every other node through <c>NOTIFY summit_cache</c>, which each web node LISTENs for. A node that was
/// not listening (starting, or its connection lost) drops its whole cache when it listens again, so a missed
/// message costs a cold cache, never a stale page. Call after the change has committed.
/// </summary>
public sealed class CacheEvictions(SummitDbContext db, SummitConnection connection, IEnumerable<ILocalCacheEviction> local, ILogger<CacheEvictions> logger)
{
    public const string Channel = "summit_cache";

    /// <summary>The tag on every cached page, evicted whole when a listener starts or a change touches every edition (a speaker's name).</summary>
    public const string AllTag = "programme";

    public async Task EvictAsync(string tag, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(tag);
        foreach (var cache in local)
        {
            await cache.EvictAsync(tag, cancellationToken);
        }

        if (connection.Provider == DatabaseProvider.Postgres)
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_notify({Channel}, {tag})", cancellationToken);
            logger.LogDebug("Cache tag {Tag} evicted on every node.", tag);
        }
    }
}
