using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.EntityFrameworkCore;
using Summit.Core.Data;
using Summit.Core.Editions;

namespace Summit.Core.Speakers;

/// <summary>One CSV row: the profile fields organizers exchange in spreadsheets (links and photos are not in CSV).</summary>
public sealed class SpeakerCsvRow
{
    public string? Slug { get; set; }
    public string? FamilyNameZh { get; set; }
    public string? GivenNameZh { get; set; }
    public string? FamilyNameLatin { get; set; }
    public string? GivenNameLatin { get; set; }
    public string? LatinFamilyNameFirst { get; set; }
    public string? HonorificEn { get; set; }
    public string? HonorificZh { get; set; }
    public string? CountryCode { get; set; }
    public string? ContactEmail { get; set; }
    public string? Position1TitleEn { get; set; }
    public string? Position1TitleZh { get; set; }
    public string? Position1OrganisationEn { get; set; }
    public string? Position1OrganisationZh { get; set; }
    public string? Position2TitleEn { get; set; }
    public string? Position2TitleZh { get; set; }
    public string? Position2OrganisationEn { get; set; }
    public string? Position2OrganisationZh { get; set; }
    public string? Position3TitleEn { get; set; }
    public string? Position3TitleZh { get; set; }
    public string? Position3OrganisationEn { get; set; }
    public string? Position3OrganisationZh { get; set; }
    public string? BiographyEn { get; set; }
    public string? BiographyZh { get; set; }

    /// <summary>Edition slugs separated by semicolons, e.g. <c>2020;2021</c>.</summary>
    public string? Editions { get; set; }
}

public enum ImportOutcome
{
    Created,
    Updated,
    Rejected,
}

/// <summary>An English sentence (a key the web layer localizes) and, where it has a {0}, what goes there.</summary>
public sealed record ImportReason(string Message, string? Argument = null);

public sealed record ImportLine(int Line, string? Slug, ImportOutcome Outcome, IReadOnlyList<ImportReason> Reasons);

public sealed record ImportReport(IReadOnlyList<ImportLine> Lines, string? FileError)
{
    public int Count(ImportOutcome outcome) => Lines.Count(l => l.Outcome == outcome);
}

/// <summary>
/// Speakers to and from CSV. Export neutralises cells a spreadsheet would run as formulas; import goes row by row,
/// so a bad row is reported and skipped while the good ones are saved.
/// </summary>
public sealed class SpeakerCsv(SummitDbContext db, SaveSpeaker saveSpeaker)
{
    public const int MaxRows = 5000;
    public const int MaxPositions = 3;

    public static class Reasons
    {
        public const string UnknownEdition = "Unknown edition: {0}.";
        public const string BadBoolean = "LatinFamilyNameFirst must be true or false.";
        public const string NotCsv = "The file could not be read as CSV with the expected header.";
        public const string TooManyRows = "The file has more than 5000 rows.";
        public const string DuplicateInFile = "This address appears on an earlier line of the file.";
    }

    private static readonly CsvConfiguration Configuration = new(CultureInfo.InvariantCulture)
    {
        MissingFieldFound = null,
        HeaderValidated = null,
        TrimOptions = TrimOptions.Trim,
        BadDataFound = null,
        DetectDelimiter = false,
    };

    /// <summary>A cell starting with = + - @ (or a tab or carriage return) is prefixed with ' so spreadsheets show it as text.</summary>
    public static string? Neutralise(string? value) =>
        value is { Length: > 0 } && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;

    public async Task ExportAsync(TextWriter writer, CancellationToken cancellationToken = default)
    {
        var speakers = await db.Speakers.AsNoTracking().Include(s => s.Editions).ThenInclude(e => e.Edition)
            .InDirectoryOrder().AsSplitQuery().ToListAsync(cancellationToken).ConfigureAwait(false);
        await using var csv = new CsvWriter(writer, Configuration, leaveOpen: true);
        csv.WriteHeader<SpeakerCsvRow>();
        await csv.NextRecordAsync().ConfigureAwait(false);
        foreach (var s in speakers)
        {
            var p = s.Positions.OrderBy(x => x.Order).ToList();
            SpeakerPosition? At(int i) => i < p.Count ? p[i] : null;
            var row = new SpeakerCsvRow
            {
                Slug = s.Slug,
                FamilyNameZh = s.FamilyNameZh,
                GivenNameZh = s.GivenNameZh,
                FamilyNameLatin = s.FamilyNameLatin,
                GivenNameLatin = s.GivenNameLatin,
                LatinFamilyNameFirst = s.LatinFamilyNameFirst ? "true" : "false",
                HonorificEn = s.HonorificEn,
                HonorificZh = s.HonorificZh,
                CountryCode = s.CountryCode,
                ContactEmail = s.ContactEmail,
                Position1TitleEn = At(0)?.TitleEn,
                Position1TitleZh = At(0)?.TitleZh,
                Position1OrganisationEn = At(0)?.OrganisationEn,
                Position1OrganisationZh = At(0)?.OrganisationZh,
                Position2TitleEn = At(1)?.TitleEn,
                Position2TitleZh = At(1)?.TitleZh,
                Position2OrganisationEn = At(1)?.OrganisationEn,
                Position2OrganisationZh = At(1)?.OrganisationZh,
                Position3TitleEn = At(2)?.TitleEn,
                Position3TitleZh = At(2)?.TitleZh,
                Position3OrganisationEn = At(2)?.OrganisationEn,
                Position3OrganisationZh = At(2)?.OrganisationZh,
                BiographyEn = s.BiographyEn,
                BiographyZh = s.BiographyZh,
                Editions = string.Join(';', s.Editions.Where(e => e.Edition is not null).Select(e => e.Edition!.Slug).Order()),
            };
            foreach (var property in typeof(SpeakerCsvRow).GetProperties())
            {
                property.SetValue(row, Neutralise((string?)property.GetValue(row)));
            }

            csv.WriteRecord(row);
            await csv.NextRecordAsync().ConfigureAwait(false);
        }
    }

    public async Task<ImportReport> ImportAsync(TextReader reader, CancellationToken cancellationToken = default)
    {
        List<(int Line, SpeakerCsvRow Row)> rows = [];
        try
        {
            using var csv = new CsvReader(reader, Configuration, leaveOpen: true);
            if (!await csv.ReadAsync().ConfigureAwait(false) || !csv.ReadHeader() || csv.HeaderRecord is not { } header
                || !header.Contains(nameof(SpeakerCsvRow.FamilyNameLatin)) || !header.Contains(nameof(SpeakerCsvRow.FamilyNameZh)))
            {
                return new([], Reasons.NotCsv);
            }

            while (await csv.ReadAsync().ConfigureAwait(false))
            {
                if (rows.Count == MaxRows)
                {
                    return new([], Reasons.TooManyRows);
                }

                rows.Add((csv.Parser.RawRow, csv.GetRecord<SpeakerCsvRow>()));
            }
        }
        catch (CsvHelperException)
        {
            return new([], Reasons.NotCsv);
        }

        var editions = await db.Editions.AsNoTracking().ToDictionaryAsync(e => e.Slug, e => e.Id, cancellationToken).ConfigureAwait(false);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var lines = new List<ImportLine>();
        foreach (var (line, row) in rows)
        {
            lines.Add(await ImportRowAsync(line, row, editions, seen, cancellationToken).ConfigureAwait(false));
        }

        return new(lines, null);
    }

    private async Task<ImportLine> ImportRowAsync(int line, SpeakerCsvRow row, Dictionary<string, int> editions, HashSet<string> seen, CancellationToken cancellationToken)
    {
        var reasons = new List<ImportReason>();
        var familyFirst = true;
        if (!string.IsNullOrWhiteSpace(row.LatinFamilyNameFirst) && !bool.TryParse(row.LatinFamilyNameFirst, out familyFirst))
        {
            reasons.Add(new(Reasons.BadBoolean));
        }

        var editionIds = new List<int>();
        foreach (var slug in (row.Editions ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (editions.TryGetValue(slug.ToLowerInvariant(), out var id))
            {
                editionIds.Add(id);
            }
            else
            {
                reasons.Add(new(Reasons.UnknownEdition, slug));
            }
        }

        var speakerSlug = Unneutralise(row.Slug);
        speakerSlug = string.IsNullOrWhiteSpace(speakerSlug)
            ? SaveSpeaker.SlugFrom(SpeakerNames.Latin(Unneutralise(row.FamilyNameLatin), Unneutralise(row.GivenNameLatin), familyFirst))
            : speakerSlug.Trim().ToLowerInvariant();
        if (speakerSlug.Length > 0 && !seen.Add(speakerSlug))
        {
            reasons.Add(new(Reasons.DuplicateInFile));
        }

        var existing = speakerSlug.Length == 0 ? null
            : await db.Speakers.AsNoTracking().Where(s => s.Slug == speakerSlug).Select(s => new { s.Id, s.Links }).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        var details = new SpeakerDetails(
            speakerSlug,
            Unneutralise(row.FamilyNameZh), Unneutralise(row.GivenNameZh), Unneutralise(row.FamilyNameLatin), Unneutralise(row.GivenNameLatin), familyFirst,
            Unneutralise(row.HonorificEn), Unneutralise(row.HonorificZh), Unneutralise(row.CountryCode), Unneutralise(row.BiographyEn), Unneutralise(row.BiographyZh), Unneutralise(row.ContactEmail),
            [
                new(Unneutralise(row.Position1TitleEn), Unneutralise(row.Position1TitleZh), Unneutralise(row.Position1OrganisationEn), Unneutralise(row.Position1OrganisationZh)),
                new(Unneutralise(row.Position2TitleEn), Unneutralise(row.Position2TitleZh), Unneutralise(row.Position2OrganisationEn), Unneutralise(row.Position2OrganisationZh)),
                new(Unneutralise(row.Position3TitleEn), Unneutralise(row.Position3TitleZh), Unneutralise(row.Position3OrganisationEn), Unneutralise(row.Position3OrganisationZh)),
            ],
            existing?.Links.Select(l => new LinkDetails(l.Kind, l.Url)).ToList() ?? []);
        reasons.AddRange(SaveSpeaker.Check(details).Select(r => new ImportReason(r.Message)));
        if (reasons.Count > 0)
        {
            return new(line, speakerSlug, ImportOutcome.Rejected, reasons.Distinct().ToList());
        }

        var result = await saveSpeaker.RunAsync(existing?.Id, details, editionIds.Count > 0 ? editionIds : null, cancellationToken).ConfigureAwait(false);
        return result.Saved
            ? new(line, speakerSlug, existing is null ? ImportOutcome.Created : ImportOutcome.Updated, [])
            : new(line, speakerSlug, ImportOutcome.Rejected, result.Refusals.Select(r => new ImportReason(r.Message)).ToList());
    }

    /// <summary>Our own export prefixes risky cells with '; reading them back removes it again.</summary>
    private static string? Unneutralise(string? value) =>
        value is { Length: > 1 } && value[0] == '\'' && value[1] is '=' or '+' or '-' or '@' or '\t' or '\r' ? value[1..] : value;
}
