using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Summit.Core.Data;

namespace Summit.Core.Audit;

/// <summary>How long the trail keeps entries (<c>Audit:Retention</c>, default two years).</summary>
public sealed class AuditOptions
{
    public const string Section = "Audit";

    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00", ErrorMessage = "Audit:Retention must be between one day and ten years.")]
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(730);
}

public static class AuditRetention
{
    /// <summary>Deletes entries older than the retention; returns how many. Pruning is itself not an entry: it is the rule.</summary>
    public static Task<int> PruneAsync(SummitDbContext db, DateTimeOffset now, TimeSpan retention, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var before = now - retention;
        return db.AuditEntries.Where(e => e.At < before).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Removes the person's values from the entries about a registration being erased, in the erasure's transaction.</summary>
    public static async Task AnonymiseAsync(SummitDbContext db, string objectType, string objectId, string? personEmail, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var entries = await db.AuditEntries.Where(e => e.ObjectType == objectType && e.ObjectId == objectId && e.AnonymisedAt == null).ToListAsync(cancellationToken);
        foreach (var entry in entries)
        {
            entry.Anonymise(now, personEmail);
        }
    }
}
