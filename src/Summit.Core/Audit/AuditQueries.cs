using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Summit.Core.Speakers;

namespace Summit.Core.Audit;

/// <summary>What organizers filter the trail by; every part is optional.</summary>
public sealed record AuditFilter(int? EditionId, string? Actor, string? ObjectType, string? ObjectId, string? Action, DateTimeOffset? From, DateTimeOffset? Before);

public static class AuditQueries
{
    /// <summary>The object types an entry can be about, in the order the filter offers them.</summary>
    public static readonly IReadOnlyList<string> ObjectTypes =
    [
        AuditedTypes.Registration, AuditedTypes.Session, AuditedTypes.Speaker, AuditedTypes.Article, AuditedTypes.Account,
        "Edition", "Category", "InvitationCode", "Room", "Track", "SessionType", "Venue", "ScheduleVersion", "BadgeSheet",
        "BulkMail", "MailTemplate", "CheckInScan", AuditedTypes.ApiToken, AuditedTypes.WebhookEndpoint,
    ];

    public static readonly IReadOnlyList<string> Actions = ["created", "changed", "deleted", "erased", "published", "held", "merged"];

    public static IQueryable<AuditEntry> Matching(this IQueryable<AuditEntry> entries, AuditFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (filter.EditionId is int edition)
        {
            entries = entries.Where(e => e.EditionId == edition);
        }

        if (!string.IsNullOrWhiteSpace(filter.Actor))
        {
            var actor = filter.Actor.Trim().ToLowerInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // Translated to SQL LOWER(…) LIKE; the culture-taking overloads are not translatable.
            entries = entries.Where(e => e.ActorName.ToLower().Contains(actor));
#pragma warning restore CA1304, CA1311, CA1862
        }

        if (!string.IsNullOrWhiteSpace(filter.ObjectType))
        {
            entries = entries.Where(e => e.ObjectType == filter.ObjectType);
        }

        if (!string.IsNullOrWhiteSpace(filter.ObjectId))
        {
            var id = filter.ObjectId.Trim();
            entries = entries.Where(e => e.ObjectId == id);
        }

        if (!string.IsNullOrWhiteSpace(filter.Action))
        {
            entries = entries.Where(e => e.Action == filter.Action);
        }

        if (filter.From is DateTimeOffset from)
        {
            entries = entries.Where(e => e.At >= from);
        }

        if (filter.Before is DateTimeOffset before)
        {
            entries = entries.Where(e => e.At < before);
        }

        return entries;
    }

    /// <summary>One object's history, newest first.</summary>
    public static IQueryable<AuditEntry> About(this IQueryable<AuditEntry> entries, string objectType, int id)
    {
        var key = id.ToString(CultureInfo.InvariantCulture);
        return entries.Where(e => e.ObjectType == objectType && e.ObjectId == key).OrderByDescending(e => e.At).ThenByDescending(e => e.Id);
    }

    /// <summary>One line per field, "Status: PendingApproval → Confirmed", as the page and the CSV show it.</summary>
    public static string Describe(AuditChange change, string hidden)
    {
        ArgumentNullException.ThrowIfNull(change);
        return change.Hidden ? $"{change.Field}: {hidden}" : $"{change.Field}: {change.Before ?? "—"} → {change.After ?? "—"}";
    }

    /// <summary>The entries as CSV (UTF-8 with BOM for spreadsheets); cells a spreadsheet would run as formulas are neutralised.</summary>
    public static async Task WriteCsvAsync(IAsyncEnumerable<AuditEntry> entries, TextWriter writer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        await using var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture), leaveOpen: true);
        foreach (var header in new[] { "at_utc", "actor_kind", "actor", "address", "edition_id", "object_type", "object_id", "label", "action", "changes" })
        {
            csv.WriteField(header);
        }

        await csv.NextRecordAsync();
        await foreach (var e in entries.WithCancellation(cancellationToken))
        {
            csv.WriteField(e.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
            csv.WriteField(e.ActorKind.ToString());
            csv.WriteField(SpeakerCsv.Neutralise(e.ActorName));
            csv.WriteField(SpeakerCsv.Neutralise(e.Address));
            csv.WriteField(e.EditionId?.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(e.ObjectType);
            csv.WriteField(SpeakerCsv.Neutralise(e.ObjectId));
            csv.WriteField(SpeakerCsv.Neutralise(e.Label));
            csv.WriteField(e.Action);
            csv.WriteField(SpeakerCsv.Neutralise(string.Join("; ", e.ChangeList.Select(c => Describe(c, "(not kept)")))));
            await csv.NextRecordAsync();
        }
    }
}
