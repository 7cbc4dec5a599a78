using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Summit.Core.Data;

namespace Summit.Core.Limits;

/// <summary>
/// Fixed-window counters kept in the database, so that every node counts against one limit (N nodes do not allow N
/// times the limit). One statement per counted request, an upsert that returns the new count, on the request's own
/// connection; windows older than an hour are pruned by a job.
/// </summary>
public sealed class SharedRateLimits(SummitDbContext db, TimeProvider clock)
{
    public static readonly TimeSpan Kept = TimeSpan.FromHours(1);

    /// <summary>Counts one request of <paramref name="partition"/> in the current window of <paramref name="window"/>: the count so far (this one included) and when the window ends.</summary>
    public async Task<(int Count, DateTimeOffset WindowEnds)> CountAsync(string partition, TimeSpan window, CancellationToken cancellationToken)
    {
        var key = Key(partition);
        var now = clock.GetUtcNow();
        var length = Math.Max(1, (long)window.TotalSeconds);
        var start = now.ToUnixTimeSeconds() - (now.ToUnixTimeSeconds() % length);
        // The same statement on both engines (SQLite has upsert and RETURNING since 3.35).
        var counts = await db.Database.SqlQuery<int>(
            $"""
            INSERT INTO "RateLimitWindows" ("Partition", "WindowStart", "Count") VALUES ({key}, {start}, 1)
            ON CONFLICT ("Partition", "WindowStart") DO UPDATE SET "Count" = "RateLimitWindows"."Count" + 1
            RETURNING "Count" AS "Value"
            """).ToListAsync(cancellationToken);
        return (counts.Single(), DateTimeOffset.FromUnixTimeSeconds(start + length));
    }

    /// <summary>Removes the windows that ended more than <see cref="Kept"/> ago.</summary>
    public Task<int> PruneAsync(CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow().Subtract(Kept).ToUnixTimeSeconds();
        return db.Set<RateLimitWindow>().Where(w => w.WindowStart < cutoff).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>A partition as stored: as given when it fits, else its policy prefix and a hash (a long token or address never fails the insert).</summary>
    public static string Key(string partition)
    {
        ArgumentNullException.ThrowIfNull(partition);
        if (partition.Length <= RateLimitWindow.PartitionMaxLength)
        {
            return partition;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(partition)));
        return $"{partition[..(RateLimitWindow.PartitionMaxLength - hash.Length - 1)]}#{hash}";
    }
}
