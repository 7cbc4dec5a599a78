using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Summit.Core.Data;
using Summit.Core.Speakers;
using Summit.Testing;

namespace Summit.Core.Tests.Speakers;

public sealed class SpeakerCsvTests : IAsyncLifetime
{
    private const string Header = "Slug,FamilyNameZh,GivenNameZh,FamilyNameLatin,GivenNameLatin,LatinFamilyNameFirst,HonorificEn,HonorificZh,CountryCode,ContactEmail,Position1TitleEn,Position1TitleZh,Position1OrganisationEn,Position1OrganisationZh,Position2TitleEn,Position2TitleZh,Position2OrganisationEn,Position2OrganisationZh,Position3TitleEn,Position3TitleZh,Position3OrganisationEn,Position3OrganisationZh,BiographyEn,BiographyZh,Editions";
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("summit-csv-");
    private SqliteSummitDbContext db = null!;
    private SpeakerCsv csv = null!;

    public async ValueTask InitializeAsync()
    {
        TestDatabases.CopySqliteTemplate(folder.FullName);
        var options = new DbContextOptionsBuilder<SqliteSummitDbContext>();
        SummitDatabase.UseSqlite(options, $"Data Source={Path.Combine(folder.FullName, "summit.db")}", new DatabaseOptions());
        db = new SqliteSummitDbContext(options.Options);
        await new Summit.Core.Editions.SaveEdition(db, new Summit.Core.Registrations.RegistrationEvents(new Summit.Core.Consequences.ConsequenceRecorder(db, new Summit.Core.Consequences.ConsequenceRoutes([]), TimeProvider.System)), TimeProvider.System).RunAsync(null, Summit.Core.Demo.DemoContent.Edition2021);
        csv = new SpeakerCsv(db, new SaveSpeaker(db, TimeProvider.System));
    }

    public async ValueTask DisposeAsync()
    {
        await db.DisposeAsync();
        SqliteConnection.ClearAllPools();
        folder.Delete(recursive: true);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil\")", "'=HYPERLINK(\"http://evil\")")]
    [InlineData("+86 23 1234", "'+86 23 1234")]
    [InlineData("-1", "'-1")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("Zeng Gang", "Zeng Gang")]
    public void Cells_a_spreadsheet_would_run_are_neutralised(string value, string expected) =>
        Assert.Equal(expected, SpeakerCsv.Neutralise(value));

    [Fact]
    public async Task A_bad_row_is_reported_and_skipped_while_the_good_rows_are_saved()
    {
        var file = string.Join('\n',
            Header,
            ",曾,刚,Zeng,Gang,true,,,CN,,Deputy Director,副主任,NIFD,国家金融与发展实验室,,,,,,,,,Bio,简介,2021",
            "bad-row,,,,,true,,,ZZ,,,,,,,,,,,,,,,,1999",
            "ravi-menon,,,Menon,Ravi,false,,,SG,,Senior Fellow,,ASEAN Centre,,,,,,,,,,,,");
        var report = await csv.ImportAsync(new StringReader(file), TestContext.Current.CancellationToken);
        Assert.Null(report.FileError);
        Assert.Equal([ImportOutcome.Created, ImportOutcome.Rejected, ImportOutcome.Created], report.Lines.Select(l => l.Outcome));
        var rejected = report.Lines[1];
        Assert.Equal(3, rejected.Line);
        Assert.Contains(new ImportReason(SpeakerCsv.Reasons.UnknownEdition, "1999"), rejected.Reasons);
        Assert.Contains(new ImportReason(SaveSpeaker.Reasons.NameRequired), rejected.Reasons);
        Assert.Contains(new ImportReason(SaveSpeaker.Reasons.UnknownCountry), rejected.Reasons);
        db.ChangeTracker.Clear();
        Assert.Equal(["ravi-menon", "zeng-gang"], await db.Speakers.OrderBy(s => s.Slug).Select(s => s.Slug).ToListAsync(TestContext.Current.CancellationToken));
        Assert.Equal(1, await db.Set<SpeakerEdition>().CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Export_then_import_updates_in_place_and_keeps_formulas_as_text()
    {
        await new SaveSpeaker(db, TimeProvider.System).RunAsync(null, Summit.Core.Demo.DemoSpeakers.ZengGang with { HonorificEn = "=cmd()" }, null, TestContext.Current.CancellationToken);
        using var writer = new StringWriter();
        await csv.ExportAsync(writer, TestContext.Current.CancellationToken);
        var exported = writer.ToString();
        Assert.StartsWith(Header, exported, StringComparison.Ordinal);
        Assert.Contains("'=cmd()", exported, StringComparison.Ordinal);
        Assert.Contains("曾", exported, StringComparison.Ordinal);

        db.ChangeTracker.Clear();
        var report = await csv.ImportAsync(new StringReader(exported), TestContext.Current.CancellationToken);
        Assert.Equal(ImportOutcome.Updated, Assert.Single(report.Lines).Outcome);
        db.ChangeTracker.Clear();
        var speaker = await db.Speakers.SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal("=cmd()", speaker.HonorificEn);
        Assert.Equal(2, speaker.Positions.Count);
    }

    [Fact]
    public async Task A_file_that_is_not_our_CSV_is_refused_as_a_whole() =>
        Assert.Equal(SpeakerCsv.Reasons.NotCsv, (await csv.ImportAsync(new StringReader("name;email\nx;y"), TestContext.Current.CancellationToken)).FileError);

    [Fact]
    public async Task A_line_without_an_address_never_overwrites_a_namesake_and_missing_columns_keep_stored_values()
    {
        var save = new SaveSpeaker(db, TimeProvider.System);
        await save.RunAsync(null, Summit.Core.Demo.DemoSpeakers.ZengGang with { ContactEmail = "keep@nifd.example" }, null, TestContext.Current.CancellationToken);

        var namesake = await csv.ImportAsync(new StringReader("FamilyNameZh,FamilyNameLatin,GivenNameLatin\n,Zeng,Gang"), TestContext.Current.CancellationToken);
        Assert.Equal(ImportOutcome.Rejected, Assert.Single(namesake.Lines).Outcome);

        var partial = await csv.ImportAsync(new StringReader("Slug,FamilyNameZh,FamilyNameLatin,HonorificEn\nzeng-gang,曾,Zeng,Prof."), TestContext.Current.CancellationToken);
        Assert.Equal(ImportOutcome.Updated, Assert.Single(partial.Lines).Outcome);
        db.ChangeTracker.Clear();
        var speaker = await db.Speakers.SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal(("Prof.", "Gang", "keep@nifd.example", 2), (speaker.HonorificEn, speaker.GivenNameLatin, speaker.ContactEmail, speaker.Positions.Count));
        Assert.NotNull(speaker.BiographyEn);
    }

    [Fact]
    public async Task A_control_character_in_a_cell_rejects_that_line_only()
    {
        var report = await csv.ImportAsync(new StringReader("Slug,FamilyNameZh,FamilyNameLatin,GivenNameLatin\nbad,,Bad\u0000Name,X\ngood,,Good,Name"), TestContext.Current.CancellationToken);
        Assert.Equal([ImportOutcome.Rejected, ImportOutcome.Created], report.Lines.Select(l => l.Outcome));
    }
}
