using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.EntityFrameworkCore;
using Summit.Core.Data;
using Summit.Core.Speakers;

namespace Summit.Core.Registrations;

/// <summary>One line of an invitation-list import, and what became of it.</summary>
public sealed record RegistrationImportLine(int Line, string? Email, RegistrationResult Result, IReadOnlyList<Editions.Refusal> Refusals);

public sealed record RegistrationImportReport(IReadOnlyList<RegistrationImportLine> Lines, string? FileError)
{
    public int Count(RegistrationResult result) => Lines.Count(l => l.Result == result);
}

/// <summary>
/// An edition's registrations as CSV for organizers (cells a spreadsheet would run as formulas are neutralised), and
/// invitation lists from CSV: each line registered as an organizer would by hand, a bad line reported and skipped.
/// </summary>
public sealed class RegistrationCsv(SummitDbContext db, RegisterAttendee register)
{
    public const int MaxRows = 5000;

    public static class Reasons
    {
        public const string NotCsv = "The file could not be read as CSV with an email column in its header line.";
        public const string TooManyRows = "The file has more than 5000 rows.";
        public const string UnknownCategory = "No category of this edition has this name: {0}.";
        public const string BadLanguage = "The language must be en or zh-Hans.";
        public const string BadYesNo = "Use yes or no.";
        public const string NotActive = "Skipped: cancelled or declined in the file.";
    }

    private static readonly CsvConfiguration ImportConfiguration = new(CultureInfo.InvariantCulture)
    {
        MissingFieldFound = null,
        HeaderValidated = null,
        TrimOptions = TrimOptions.Trim,
        BadDataFound = null,
        PrepareHeaderForMatch = args => args.Header.Trim().ToLowerInvariant(),
    };

    /// <summary>
    /// Registers each line of an invitation list in <paramref name="defaultCategoryId"/>, or in the category its
    /// <c>category</c> column names. The columns are the export's, so an export of one edition imports into another.
    /// </summary>
    public async Task<RegistrationImportReport> ImportAsync(int editionId, int defaultCategoryId, bool confirmWithoutApproval, TextReader reader, CancellationToken cancellationToken = default)
    {
        var rows = new List<(int Line, Dictionary<string, string> Cells)>();
        try
        {
            using var csv = new CsvReader(reader, ImportConfiguration, leaveOpen: true);
            if (!await csv.ReadAsync() || !csv.ReadHeader() || csv.HeaderRecord is not { } header || !header.Any(h => h.Trim().Equals("email", StringComparison.OrdinalIgnoreCase)))
            {
                return new([], Reasons.NotCsv);
            }

            var names = header.Select(h => h.Trim().ToLowerInvariant()).ToArray();
            while (await csv.ReadAsync())
            {
                if (rows.Count == MaxRows)
                {
                    return new([], Reasons.TooManyRows);
                }

                var cells = new Dictionary<string, string>(StringComparer.Ordinal);
                for (var i = 0; i < names.Length; i++)
                {
                    if (csv.TryGetField<string>(i, out var value) && !string.IsNullOrWhiteSpace(value))
                    {
                        cells[names[i]] = SpeakerCsv.Unneutralise(value.Trim())!;
                    }
                }

                rows.Add((csv.Parser.RawRow, cells));
            }
        }
        catch (CsvHelperException)
        {
            return new([], Reasons.NotCsv);
        }

        var categories = await db.RegistrationCategories.AsNoTracking().Where(c => c.EditionId == editionId)
            .Select(c => new { c.Id, c.NameEn, c.NameZh }).ToListAsync(cancellationToken);
        var lines = new List<RegistrationImportLine>();
        foreach (var (line, cells) in rows)
        {
            string? Cell(string name) => cells.GetValueOrDefault(name);
            var refusals = new List<Editions.Refusal>();
            var categoryId = defaultCategoryId;
            if (Cell("category") is { } named)
            {
                var match = categories.FirstOrDefault(c => string.Equals(c.NameEn, named, StringComparison.OrdinalIgnoreCase) || c.NameZh == named);
                if (match is null)
                {
                    refusals.Add(Editions.Refusal.With("category", Reasons.UnknownCategory, named));
                }
                else
                {
                    categoryId = match.Id;
                }
            }

            // An export of another edition carries everyone's status; those who had cancelled are not invited again.
            if (Cell("status") is { } status && (status.Equals(nameof(RegistrationStatus.Cancelled), StringComparison.OrdinalIgnoreCase) || status.Equals(nameof(RegistrationStatus.Declined), StringComparison.OrdinalIgnoreCase)))
            {
                lines.Add(new(line, Cell("email"), RegistrationResult.Refused, [new("status", Reasons.NotActive)]));
                continue;
            }

            var language = Cell("language") ?? "en";
            if (language is not ("en" or "zh-Hans" or "zh"))
            {
                refusals.Add(new("language", Reasons.BadLanguage));
            }

            bool YesNo(string name)
            {
                var value = Cell(name)?.ToLowerInvariant();
                if (value is null or "no" or "false" or "0" or "否")
                {
                    return false;
                }

                if (value is "yes" or "true" or "1" or "是")
                {
                    return true;
                }

                refusals.Add(new(name, Reasons.BadYesNo));
                return false;
            }

            var details = new RegistrationDetails(
                Cell("family_name_zh"), Cell("given_name_zh"), Cell("family_name_latin"), Cell("given_name_latin"), YesNo("latin_family_name_first"),
                Cell("organisation"), Cell("position"), Cell("email") ?? "", Cell("phone"), Cell("country"), language,
                Cell("dietary_needs"), Cell("accessibility_needs"), YesNo("interpretation"), true, "invitation-list");
            if (refusals.Count > 0)
            {
                lines.Add(new(line, Cell("email"), RegistrationResult.Refused, refusals));
                continue;
            }

            var outcome = await register.RunForOrganizerAsync(categoryId, details, confirmWithoutApproval, cancellationToken);
            lines.Add(new(line, Cell("email"), outcome.Result, outcome.Refusals));
        }

        return new(lines, null);
    }

    public async Task ExportAsync(int editionId, TextWriter writer, CancellationToken cancellationToken = default)
    {
        var categories = await db.RegistrationCategories.AsNoTracking().Where(c => c.EditionId == editionId).ToDictionaryAsync(c => c.Id, c => c.NameEn, cancellationToken);
        await using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture, leaveOpen: true);
        foreach (var header in new[] { "id", "category", "status", "waitlist_ticket", "family_name_zh", "given_name_zh", "family_name_latin", "given_name_latin", "latin_family_name_first", "organisation", "position", "email", "phone", "country", "language", "dietary_needs", "accessibility_needs", "interpretation", "registered_at" })
        {
            csv.WriteField(header);
        }

        await csv.NextRecordAsync();
        await foreach (var r in db.Registrations.AsNoTracking().Where(r => r.EditionId == editionId).OrderBy(r => r.Id).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            csv.WriteField(r.Id);
            csv.WriteField(SpeakerCsv.Neutralise(categories.GetValueOrDefault(r.CategoryId)));
            csv.WriteField(r.Status.ToString());
            csv.WriteField(r.WaitlistTicket);
            foreach (var text in new[] { r.FamilyNameZh, r.GivenNameZh, r.FamilyNameLatin, r.GivenNameLatin })
            {
                csv.WriteField(SpeakerCsv.Neutralise(text));
            }

            csv.WriteField(r.LatinFamilyNameFirst ? "yes" : "no");
            foreach (var text in new[] { r.Organisation, r.Position, r.Email, r.Phone, r.CountryCode, r.PreferredCulture, r.DietaryNeeds, r.AccessibilityNeeds })
            {
                csv.WriteField(SpeakerCsv.Neutralise(text));
            }

            csv.WriteField(r.NeedsInterpretation ? "yes" : "no");
            csv.WriteField(r.CreatedAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            await csv.NextRecordAsync();
        }
    }
}
