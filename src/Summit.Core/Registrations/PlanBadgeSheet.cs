using Microsoft.EntityFrameworkCore;
using Summit.Core.Data;
using Summit.Core.Editions;

namespace Summit.Core.Registrations;

public sealed record PlanBadgeSheetResult(int? SheetId, int Count, IReadOnlyList<Refusal> Refusals)
{
    public bool Planned => SheetId is not null;
}

/// <summary>
/// An organizer's print run: whose badges (every confirmed registration, those not printed yet, or a pasted list of
/// email addresses and badge codes), of which category, in which layout. A run that would print nothing, or a list
/// with a line that names nobody or somebody without a badge, is refused with the lines to fix; nothing is saved. The
/// registrations are chosen when the run is planned and kept with it (<see cref="BadgeSheetEntry"/>).
/// </summary>
public sealed class PlanBadgeSheet(SummitDbContext db, TimeProvider clock)
{
    public const int MaxListLines = 5000;

    /// <summary>Problem lines reported at most, so a wrong paste does not fill the page.</summary>
    public const int MaxReportedLines = 20;

    public static class Reasons
    {
        public const string UnknownCategory = "Choose one of this edition's categories.";
        public const string UnknownChoice = "Choose which badges to print.";
        public const string ListEmpty = "Paste at least one email address or badge code, one per line.";
        public const string ListTooLong = "A list can have at most 5,000 lines.";
        public const string LineUnknown = "Line {0} ({1}): no registration of this edition has this email address or badge code.";
        public const string LineNotConfirmed = "Line {0} ({1}): this registration is not confirmed, so it has no badge.";
        public const string LineOtherCategory = "Line {0} ({1}): this registration is in another category than the one chosen.";
        public const string MoreLines = "… and {0} more lines to fix.";
        public const string NothingToPrint = "No confirmed registration matches this choice: there is nothing to print.";
    }

    public async Task<PlanBadgeSheetResult> RunAsync(int editionId, int? categoryId, BadgeSheetSelection selection, BadgeSheetLayout layout, string? list, string createdBy, CancellationToken cancellationToken = default)
    {
        if (!Enum.IsDefined(selection) || !Enum.IsDefined(layout))
        {
            return Refused(new Refusal("", Reasons.UnknownChoice));
        }

        if (categoryId is int category && !await db.RegistrationCategories.AnyAsync(c => c.Id == category && c.EditionId == editionId, cancellationToken))
        {
            return Refused(new Refusal("CategoryId", Reasons.UnknownCategory));
        }

        var query = Chosen(db.Registrations.AsNoTracking(), editionId, categoryId, selection);
        if (selection == BadgeSheetSelection.List)
        {
            var (ids, refusals) = await ResolveAsync(editionId, categoryId, list, cancellationToken);
            if (refusals.Count > 0)
            {
                return new(null, 0, refusals);
            }

            query = query.Where(r => ids.Contains(r.Id));
        }

        // The run's badges are fixed now, whatever its selection: a retried job prints the same ones, even after the
        // first attempt marked them printed.
        var members = await query.OrderBy(r => r.Id).Select(r => r.Id).ToListAsync(cancellationToken);
        if (members.Count == 0)
        {
            return Refused(new Refusal("", Reasons.NothingToPrint));
        }

        var sheet = new BadgeSheet(editionId, categoryId, selection, layout, createdBy, clock.GetUtcNow());
        foreach (var id in members)
        {
            sheet.Entries.Add(new BadgeSheetEntry(id));
        }

        db.BadgeSheets.Add(sheet);
        await db.SaveChangesAsync(cancellationToken);
        return new(sheet.Id, members.Count, []);
    }

    /// <summary>The badges a planned run prints: its registrations that are still confirmed (one cancelled since is left out).</summary>
    public static IQueryable<Registration> Members(SummitDbContext db, BadgeSheet sheet)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(sheet);
        var id = sheet.Id;
        return db.Registrations.Where(r => r.EditionId == sheet.EditionId && r.Status == RegistrationStatus.Confirmed && r.ErasedAt == null
            && db.BadgeSheetEntries.Any(e => e.BadgeSheetId == id && e.RegistrationId == r.Id));
    }

    private static IQueryable<Registration> Chosen(IQueryable<Registration> registrations, int editionId, int? categoryId, BadgeSheetSelection selection)
    {
        var query = registrations.Where(r => r.EditionId == editionId && r.Status == RegistrationStatus.Confirmed && r.ErasedAt == null);
        if (categoryId is int category)
        {
            query = query.Where(r => r.CategoryId == category);
        }

        return selection == BadgeSheetSelection.NotPrinted
            ? query.Where(r => r.BadgePrintedRevision == null || r.BadgePrintedRevision != r.BadgeRevision)
            : query;
    }

    /// <summary>Records that these badges (registration and the revision drawn) were printed by a finished run.</summary>
    public static async Task MarkPrintedAsync(SummitDbContext db, IEnumerable<(int RegistrationId, int Revision)> printed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(printed);
        foreach (var group in printed.GroupBy(p => p.Revision))
        {
            var revision = group.Key;
            foreach (var chunk in group.Select(p => p.RegistrationId).Chunk(500))
            {
                // Only if the badge was not reissued while the run was drawn: the new one is not printed yet.
                await db.Registrations.Where(r => chunk.Contains(r.Id) && r.BadgeRevision == revision)
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.BadgePrintedRevision, revision), cancellationToken);
            }
        }
    }

    private async Task<(List<int> Ids, List<Refusal> Refusals)> ResolveAsync(int editionId, int? categoryId, string? list, CancellationToken cancellationToken)
    {
        var lines = (list ?? "").Split('\n').Select((text, index) => (Number: index + 1, Text: text.Trim())).Where(l => l.Text.Length > 0).ToList();
        if (lines.Count == 0)
        {
            return ([], [new Refusal("List", Reasons.ListEmpty)]);
        }

        if (lines.Count > MaxListLines)
        {
            return ([], [new Refusal("List", Reasons.ListTooLong)]);
        }

        // A line is an email address (contains @) or a badge code (ABCD-EFGH, any case, with or without the dash).
        var emails = lines.Where(l => l.Text.Contains('@', StringComparison.Ordinal)).Select(l => Registration.Normalize(l.Text)).Distinct().ToList();
        var codes = lines.Select(l => BadgeTokens.NormalizeShortCode(l.Text)).OfType<string>().Distinct().ToList();
        var found = new List<Candidate>();
        foreach (var chunk in emails.Chunk(500))
        {
            found.AddRange(await db.Registrations.AsNoTracking().Where(r => r.EditionId == editionId && r.ErasedAt == null && chunk.Contains(r.NormalizedEmail))
                .Select(r => new Candidate(r.Id, r.NormalizedEmail, r.BadgeCode, r.Status, r.CategoryId)).ToListAsync(cancellationToken));
        }

        foreach (var chunk in codes.Chunk(500))
        {
            found.AddRange(await db.Registrations.AsNoTracking().Where(r => r.EditionId == editionId && r.ErasedAt == null && r.BadgeCode != null && chunk.Contains(r.BadgeCode))
                .Select(r => new Candidate(r.Id, r.NormalizedEmail, r.BadgeCode, r.Status, r.CategoryId)).ToListAsync(cancellationToken));
        }

        var ids = new List<int>();
        var refusals = new List<Refusal>();
        foreach (var (number, text) in lines)
        {
            var email = text.Contains('@', StringComparison.Ordinal) ? Registration.Normalize(text) : null;
            var code = email is null ? BadgeTokens.NormalizeShortCode(text) : null;
            // One address can have a cancelled and a later confirmed registration: the confirmed one counts.
            var matches = found.Where(f => (email is not null && f.NormalizedEmail == email) || (code is not null && f.BadgeCode == code)).ToList();
            var shown = text.Length > 60 ? text[..60] + "…" : text;
            var line = number.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (matches.Count == 0)
            {
                refusals.Add(Refusal.With("List", Reasons.LineUnknown, line, shown));
            }
            else if (matches.Find(m => m.Status == RegistrationStatus.Confirmed) is not { } confirmed)
            {
                refusals.Add(Refusal.With("List", Reasons.LineNotConfirmed, line, shown));
            }
            else if (categoryId is int category && confirmed.CategoryId != category)
            {
                refusals.Add(Refusal.With("List", Reasons.LineOtherCategory, line, shown));
            }
            else
            {
                ids.Add(confirmed.Id);
            }
        }

        var reported = refusals.Take(MaxReportedLines).ToList();
        if (refusals.Count > MaxReportedLines)
        {
            reported.Add(Refusal.With("List", Reasons.MoreLines, (refusals.Count - MaxReportedLines).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return (ids.Distinct().ToList(), reported);
    }

    private sealed record Candidate(int Id, string NormalizedEmail, string? BadgeCode, RegistrationStatus Status, int CategoryId);

    private static PlanBadgeSheetResult Refused(Refusal refusal) => new(null, 0, [refusal]);
}
