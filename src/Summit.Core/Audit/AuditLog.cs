using System.Globalization;
using Summit.Core.Data;

namespace Summit.Core.Audit;

/// <summary>
/// An entry for a write the change tracker does not see (a conditional <c>ExecuteUpdate</c> or <c>ExecuteDelete</c>).
/// It is added to the context, so it commits with the caller's next save, in the caller's transaction.
/// </summary>
public static class AuditLog
{
    public static void Record(SummitDbContext db, DateTimeOffset now, string objectType, int objectId, int? editionId, string action, string? label, params AuditChange[] changes)
    {
        ArgumentNullException.ThrowIfNull(db);
        db.AuditEntries.Add(new AuditEntry(now, AuditActor.Current, objectType, objectId.ToString(CultureInfo.InvariantCulture), editionId, action, label, changes));
    }

    public static AuditChange Change(string field, object? before, object? after) => new(field, AuditTrail.Text(before), AuditTrail.Text(after));
}
