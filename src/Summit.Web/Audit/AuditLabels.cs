using Summit.Core.Audit;

namespace Summit.Web.Audit;

/// <summary>The English keys (localized through the shared resource) for what the audit trail names.</summary>
public static class AuditLabels
{
    public static string ObjectType(string type) => type switch
    {
        "Registration" => "Registration",
        "Session" => "Session",
        "Speaker" => "Speaker",
        "Article" => "Article",
        "Account" => "Account",
        "Edition" => "Edition",
        "Category" => "Registration category",
        "InvitationCode" => "Invitation code",
        "Room" => "Room",
        "Track" => "Track",
        "SessionType" => "Session type",
        "Venue" => "Venue",
        "ScheduleVersion" => "Published schedule version",
        "BadgeSheet" => "Badge print run",
        "BulkMail" => "Bulk email",
        "MailTemplate" => "Email wording",
        "CheckInScan" => "Check-in scan",
        _ => type,
    };

    public static string Action(string action) => action switch
    {
        "created" => "Created",
        "changed" => "Changed",
        "deleted" => "Deleted",
        "erased" => "Erased",
        "published" => "Published",
        "held" => "Held",
        "merged" => "Merged",
        _ => action,
    };

    public static string Actor(AuditActorKind kind) => kind switch
    {
        AuditActorKind.Visitor => "Visitor (not signed in)",
        AuditActorKind.System => "System",
        AuditActorKind.Token => "API token",
        _ => "Person",
    };

    /// <summary>The organizer page of the object, where there is one.</summary>
    public static string? Link(AuditEntry entry, IReadOnlyDictionary<int, string> editions)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(editions);
        var slug = entry.EditionId is int id ? editions.GetValueOrDefault(id) : null;
        return entry.ObjectType switch
        {
            "Registration" when slug is not null => $"/admin/registrations/{slug}/{entry.ObjectId}",
            "Session" when slug is not null => $"/admin/programme/{slug}/sessions/edit/{entry.ObjectId}",
            "Speaker" => $"/admin/speakers/edit/{entry.ObjectId}",
            "Article" => $"/newsroom/{entry.ObjectId}",
            _ => null,
        };
    }
}

/// <summary>What the entries partial shows: the entries, and whether the addresses and the objects are shown (organizers' pages).</summary>
public sealed record AuditEntriesView(IReadOnlyList<AuditEntry> Entries, bool ShowAddress, bool ShowObject, IReadOnlyDictionary<int, string> Editions);
