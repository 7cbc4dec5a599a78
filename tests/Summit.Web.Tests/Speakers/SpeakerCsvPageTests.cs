using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Summit.Core.Accounts;
using Summit.Testing;

namespace Summit.Web.Tests.Speakers;

public sealed class SpeakerCsvPageTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task An_organizer_exports_then_imports_a_file_with_a_bad_line_and_gets_a_line_by_line_report()
    {
        var organizer = await app.Factory.CreateUserAsync($"organizer-{Guid.NewGuid():N}@summit.test", Roles.Organizer);
        using var client = app.Factory.Browser();
        await client.SignInAsync(organizer.Email!);

        await app.Factory.BuildAsync(d => d.SpeakerIdAsync("zeng-gang"));
        await app.Factory.WithDbAsync(db => db.Speakers.Where(s => s.Slug == "zeng-gang").ExecuteUpdateAsync(u => u.SetProperty(s => s.HonorificEn, "=HYPERLINK(\"http://evil.example\")")));
        using var export = await client.GetAsync(new Uri("/admin/speakers/export", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal("text/csv", export.Content.Headers.ContentType?.MediaType);
        var bytes = await export.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Slug,FamilyNameZh", lines[0], StringComparison.Ordinal);
        var zeng = Assert.Single(lines, l => l.StartsWith("zeng-gang,曾,刚,Zeng,Gang", StringComparison.Ordinal));
        Assert.Contains("\"'=HYPERLINK(\"\"http://evil.example\"\")\"", zeng, StringComparison.Ordinal);

        var file = string.Join('\n', lines[0], ",黄,大卫,Huang,David,true,,,SG,,Partner,,Example Capital,,,,,,,,,,,,2021", "broken,,,,,maybe,,,,,,,,,,,,,,,,,,,");
        using var page = await client.GetAsync(new Uri("/admin/speakers/import", UriKind.Relative), TestContext.Current.CancellationToken);
        using var content = new MultipartFormDataContent
        {
            { new StringContent(Forms.Token(await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))), "__RequestVerificationToken" },
        };
        var upload = new ByteArrayContent(Encoding.UTF8.GetBytes(file));
        upload.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        content.Add(upload, "Upload", "speakers.csv");
        using var response = await client.PostAsync(new Uri("/admin/speakers/import", UriKind.Relative), content, TestContext.Current.CancellationToken);
        var report = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Created: 1. Updated: 0. Rejected: 1.", report, StringComparison.Ordinal);
        Assert.Contains("LatinFamilyNameFirst must be true or false.", report, StringComparison.Ordinal);
        Assert.True(await app.Factory.WithDbAsync(db => db.Speakers.AnyAsync(s => s.Slug == "huang-david" && s.Editions.Count == 1)));
        Assert.False(await app.Factory.WithDbAsync(db => db.Speakers.AnyAsync(s => s.Slug == "broken")));
    }
}
