using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.EntityFrameworkCore;
using Summit.Core.Data;

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
        public const string NotSaved = "This line could not be saved.";
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
            .InDirectoryOrder().AsSplitQuery().ToListAsync(cancellationToken);
        await using var csv = new CsvWriter(writer, Configuration, leaveOpen: true);
        csv.WriteHeader<SpeakerCsvRow>();
        await csv.NextRecordAsync();
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
            await csv.NextRecordAsync();
        }
    }

    public async Task<ImportReport> ImportAsync(TextReader reader, CancellationToken cancellationToken = default)
    {
        List<(int Line, SpeakerCsvRow Row)> rows = [];
        HashSet<string> columns;
        try
        {
            using var csv = new CsvReader(reader, Configuration, leaveOpen: true);
            if (!await csv.ReadAsync() || !csv.ReadHeader() || csv.HeaderRecord is not { } header
                || !header.Contains(nameof(SpeakerCsvRow.FamilyNameLatin)) || !header.Contains(nameof(SpeakerCsvRow.FamilyNameZh)))
            {
                return new([], Reasons.NotCsv);
            }

            columns = header.ToHashSet(StringComparer.Ordinal);
            while (await csv.ReadAsync())
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

        var editions = await db.Editions.AsNoTracking().ToDictionaryAsync(e => e.Slug, e => e.Id, cancellationToken);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var lines = new List<ImportLine>();
        foreach (var (line, row) in rows)
        {
            try
            {
                lines.Add(await ImportRowAsync(line, row, columns, editions, seen, cancellationToken));
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
                lines.Add(new(line, row.Slug, ImportOutcome.Rejected, [new(Reasons.NotSaved)]));
            }
        }

        return new(lines, null);
    }

    /// <summary>
    /// One line. A line names the speaker to update by its Slug; without one it can only create (a name-derived address
    /// never updates someone else of the same name). Columns missing from the file leave the stored values alone;
    /// editions are added, never removed; positions beyond the file's three are kept.
    /// </summary>
    private async Task<ImportLine> ImportRowAsync(int line, SpeakerCsvRow row, HashSet<string> columns, Dictionary<string, int> editions, HashSet<string> seen, CancellationToken cancellationToken)
    {
        var reasons = new List<ImportReason>();
        var explicitSlug = Unneutralise(row.Slug)?.Trim().ToLowerInvariant();
        var existing = string.IsNullOrEmpty(explicitSlug) ? null
            : await db.Speakers.AsNoTracking().Include(s => s.Editions).FirstOrDefaultAsync(s => s.Slug == explicitSlug, cancellationToken);

        string? Cell(string column, string? value, string? stored) => columns.Contains(column) ? Unneutralise(value) : stored;

        var familyFirst = existing?.LatinFamilyNameFirst ?? true;
        if (columns.Contains(nameof(SpeakerCsvRow.LatinFamilyNameFirst)) && !string.IsNullOrWhiteSpace(row.LatinFamilyNameFirst)
            && !bool.TryParse(row.LatinFamilyNameFirst, out familyFirst))
        {
            reasons.Add(new(Reasons.BadBoolean));
        }

        var editionIds = existing?.Editions.Select(e => e.EditionId).ToList() ?? [];
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

        var familyLatin = Cell(nameof(row.FamilyNameLatin), row.FamilyNameLatin, existing?.FamilyNameLatin);
        var givenLatin = Cell(nameof(row.GivenNameLatin), row.GivenNameLatin, existing?.GivenNameLatin);
        var speakerSlug = string.IsNullOrEmpty(explicitSlug) ? SaveSpeaker.SlugFrom(SpeakerNames.Latin(familyLatin, givenLatin, familyFirst)) : explicitSlug;
        if (speakerSlug.Length > 0 && !seen.Add(speakerSlug))
        {
            reasons.Add(new(Reasons.DuplicateInFile));
        }

        var storedPositions = existing?.Positions.OrderBy(p => p.Order).Select(p => new PositionDetails(p.TitleEn, p.TitleZh, p.OrganisationEn, p.OrganisationZh)).ToList() ?? [];
        var positions = columns.Any(c => c.StartsWith("Position", StringComparison.Ordinal))
            ? new List<PositionDetails>
            {
                new(Unneutralise(row.Position1TitleEn), Unneutralise(row.Position1TitleZh), Unneutralise(row.Position1OrganisationEn), Unneutralise(row.Position1OrganisationZh)),
                new(Unneutralise(row.Position2TitleEn), Unneutralise(row.Position2TitleZh), Unneutralise(row.Position2OrganisationEn), Unneutralise(row.Position2OrganisationZh)),
                new(Unneutralise(row.Position3TitleEn), Unneutralise(row.Position3TitleZh), Unneutralise(row.Position3OrganisationEn), Unneutralise(row.Position3OrganisationZh)),
            }.Where(p => !p.IsEmpty).Concat(storedPositions.Skip(MaxPositions)).ToList()
            : storedPositions;
        var details = new SpeakerDetails(
            speakerSlug,
            Cell(nameof(row.FamilyNameZh), row.FamilyNameZh, existing?.FamilyNameZh),
            Cell(nameof(row.GivenNameZh), row.GivenNameZh, existing?.GivenNameZh),
            familyLatin,
            givenLatin,
            familyFirst,
            Cell(nameof(row.HonorificEn), row.HonorificEn, existing?.HonorificEn),
            Cell(nameof(row.HonorificZh), row.HonorificZh, existing?.HonorificZh),
            Cell(nameof(row.CountryCode), row.CountryCode, existing?.CountryCode),
            Cell(nameof(row.BiographyEn), row.BiographyEn, existing?.BiographyEn),
            Cell(nameof(row.BiographyZh), row.BiographyZh, existing?.BiographyZh),
            Cell(nameof(row.ContactEmail), row.ContactEmail, existing?.ContactEmail),
            positions,
            existing?.Links.OrderBy(l => l.Order).Select(l => new LinkDetails(l.Kind, l.Url)).ToList() ?? []);
        reasons.AddRange(SaveSpeaker.Check(details).Select(r => new ImportReason(r.Message)));
        if (reasons.Count > 0)
        {
            return new(line, speakerSlug, ImportOutcome.Rejected, reasons.Distinct().ToList());
        }

        var result = await saveSpeaker.RunAsync(existing?.Id, details, editionIds.Distinct().ToList(), cancellationToken);
        return result.Saved
            ? new(line, speakerSlug, existing is null ? ImportOutcome.Created : ImportOutcome.Updated, [])
            : new(line, speakerSlug, ImportOutcome.Rejected, result.Refusals.Select(r => new ImportReason(r.Message)).ToList());
    }

    /// <summary>Our own export prefixes risky cells with '; reading them back removes it again.</summary>
    /// <summary>Undoes <see cref="Neutralise"/> on a cell read back from an export.</summary>
    public static string? Unneutralise(string? value) =>
        value is { Length: > 1 } && value[0] == '\'' && value[1] is '=' or '+' or '-' or '@' or '\t' or '\r' ? value[1..] : value;
}
