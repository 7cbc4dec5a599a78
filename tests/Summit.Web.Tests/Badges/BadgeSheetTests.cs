using System.Globalization;
using System.IO.Compression;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Summit.Core.Data;
using Summit.Core.Registrations;
using Summit.Jobs.Badges;
using Summit.Testing;
using UglyToad.PdfPig;

namespace Summit.Web.Tests.Badges;

/// <summary>A print run over HTTP: started by an organizer, built by the job, four badges to an A4 sheet.</summary>
public abstract class BadgeSheetTests<TApp>(TApp app) where TApp : SummitApp
{
    protected SummitFactory App => app.Factory;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Five_confirmed_badges_print_on_two_A4_sheets_and_only_confirmed_ones_are_printed()
    {
        var category = await App.ScopedAsync(async s =>
        {
            var editionId = await new TestData(s).EditionIdAsync("2021");
            var id = (await s.GetRequiredService<SaveCategory>().RunAsync(editionId, null, new CategoryDetails($"Print {Guid.NewGuid():N}"[..20], "印刷", null, null, CategoryKind.General, null, false, false, null, null, 97), Cancel)).CategoryId!.Value;
            var register = s.GetRequiredService<RegisterAttendee>();
            for (var i = 0; i < 6; i++)
            {
                var outcome = await register.RunAsync(id, new RegistrationDetails("周", $"{"一二三四五六"[i]}", "Chow", $"Guest{i}", false, null, null, $"print-{id}-{i}@summit.test", null, "SG", "en", null, null, false, true, "2026-11"), null, cancellationToken: Cancel);
                if (i == 5)
                {
                    await s.GetRequiredService<ChangeRegistration>().CancelAsync(outcome.RegistrationId!.Value, cancellationToken: Cancel);
                }
            }

            return id;
        });
        var organizer = await App.CreateUserAsync($"organizer-{Guid.NewGuid():N}@summit.test", Core.Accounts.Roles.Organizer);
        using var client = App.Browser();
        await client.SignInAsync(organizer.Email!);

        var sheet = await StartRunAsync(client, category);

        await WaitForRunAsync(sheet, TimeSpan.FromSeconds(30));

        var runPage = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri($"/admin/registrations/2021/badges?sheet={sheet}", UriKind.Relative), Cancel));
        Assert.Contains("Ready: 5 badges.", runPage, StringComparison.Ordinal);
        // The run's date on the edition's clock, saying which.
        var made = await App.WithDbAsync(db => db.BadgeSheets.Where(b => b.Id == sheet).Select(b => b.CreatedAt).SingleAsync(Cancel));
        Assert.Contains(Core.Scheduling.ScheduleTime.WithZone(made, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")), runPage, StringComparison.Ordinal);
        var bytes = await client.GetByteArrayAsync(new Uri($"/admin/registrations/2021/badges?handler=download&sheet={sheet}", UriKind.Relative), Cancel);
        using var pdf = PdfDocument.Open(bytes);
        var pages = pdf.GetPages().ToList();
        Assert.Equal(2, pages.Count);
        Assert.All(pages, p => Assert.Equal(595.28, p.Width, 1));
        var first = string.Concat(pages[0].Letters.Select(l => l.Value));
        Assert.Contains("周一", first, StringComparison.Ordinal);
        Assert.Contains("周四", first, StringComparison.Ordinal);
        var second = string.Concat(pages[1].Letters.Select(l => l.Value));
        Assert.Contains("周五", second, StringComparison.Ordinal);
        Assert.DoesNotContain("周六", first + second, StringComparison.Ordinal);

        using var anonymous = App.Browser();
        using var refused = await anonymous.GetAsync(new Uri($"/admin/registrations/2021/badges?handler=download&sheet={sheet}", UriKind.Relative), Cancel);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
    }

    [Fact]
    public async Task A_run_longer_than_a_ream_downloads_as_a_ZIP_of_PDFs_and_every_badge_is_marked_printed()
    {
        var total = BadgeSheetPdf.FileSize + 1;
        var category = await App.ScopedAsync(async s =>
        {
            var editionId = await new TestData(s).EditionIdAsync("2021");
            var id = (await s.GetRequiredService<SaveCategory>().RunAsync(editionId, null, new CategoryDetails($"Ream {Guid.NewGuid():N}"[..20], "一令", null, null, CategoryKind.General, null, false, false, null, null, 98), Cancel)).CategoryId!.Value;
            await new TestData(s).ConfirmedRegistrationsAsync(id, total, "ream");
            return id;
        });
        var organizer = await App.CreateUserAsync($"organizer-{Guid.NewGuid():N}@summit.test", Core.Accounts.Roles.Organizer);
        using var client = App.Browser();
        await client.SignInAsync(organizer.Email!);

        var sheet = await StartRunAsync(client, category);
        await WaitForRunAsync(sheet, TimeSpan.FromSeconds(120));

        var page = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri($"/admin/registrations/2021/badges?sheet={sheet}", UriKind.Relative), Cancel));
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"Ready: {total} badges."), page, StringComparison.Ordinal);
        Assert.Contains("Download the ZIP of 2 PDF files", page, StringComparison.Ordinal);
        using var download = await client.GetAsync(new Uri($"/admin/registrations/2021/badges?handler=download&sheet={sheet}", UriKind.Relative), Cancel);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/zip", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"badges-2021-{sheet}.zip", download.Content.Headers.ContentDisposition?.FileNameStar ?? download.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        using var zip = new ZipArchive(new MemoryStream(await download.Content.ReadAsByteArrayAsync(Cancel)));
        Assert.Equal([$"badges-2021-{sheet}-1-of-2.pdf", $"badges-2021-{sheet}-2-of-2.pdf"], zip.Entries.Select(e => e.FullName));
        int Pages(ZipArchiveEntry entry)
        {
            using var copy = new MemoryStream();
            using (var stream = entry.Open())
            {
                stream.CopyTo(copy);
            }

            using var pdf = PdfDocument.Open(copy.ToArray());
            return pdf.NumberOfPages;
        }

        Assert.Equal([BadgeSheetPdf.FileSize / 4, 1], zip.Entries.Select(Pages));
        Assert.Equal(total, await App.WithDbAsync(db => db.Registrations.CountAsync(r => r.CategoryId == category && r.BadgePrintedRevision == r.BadgeRevision, Cancel)));
    }

    [Fact]
    public async Task A_run_of_badges_not_printed_yet_holds_the_new_and_the_reissued_ones_and_a_list_with_a_typo_changes_nothing()
    {
        var (category, ids) = await App.ScopedAsync(async s =>
        {
            var editionId = await new TestData(s).EditionIdAsync("2021");
            var id = (await s.GetRequiredService<SaveCategory>().RunAsync(editionId, null, new CategoryDetails($"Reprint {Guid.NewGuid():N}"[..20], "补印", null, null, CategoryKind.General, null, false, false, null, null, 98), Cancel)).CategoryId!.Value;
            var made = new List<int>();
            for (var i = 0; i < 3; i++)
            {
                made.Add((await s.GetRequiredService<RegisterAttendee>().RunAsync(id, Person(id, i), null, cancellationToken: Cancel)).RegistrationId!.Value);
            }

            return (id, made);
        });
        var organizer = await App.CreateUserAsync($"organizer-{Guid.NewGuid():N}@summit.test", Core.Accounts.Roles.Organizer);
        using var client = App.Browser();
        await client.SignInAsync(organizer.Email!);
        Task<HttpResponseMessage> Start(BadgeSheetSelection selection, string? list = null) => client.PostAsync("/admin/registrations/2021/badges", new Dictionary<string, string>
        {
            ["CategoryId"] = category.ToString(CultureInfo.InvariantCulture),
            ["Selection"] = selection.ToString(),
            ["Layout"] = nameof(BadgeSheetLayout.OnePerPage),
            ["List"] = list ?? "",
        });

        using (var everyone = await Start(BadgeSheetSelection.Confirmed))
        {
            Assert.Equal(["Guest0", "Guest1", "Guest2"], await PrintedAsync(client, everyone));
        }

        using (var nothingNew = await Start(BadgeSheetSelection.NotPrinted))
        {
            Assert.Equal(HttpStatusCode.OK, nothingNew.StatusCode);
            Assert.Contains("there is nothing to print", WebUtility.HtmlDecode(await nothingNew.Content.ReadAsStringAsync(Cancel)), StringComparison.Ordinal);
        }

        var added = await App.ScopedAsync(async s =>
        {
            Assert.Empty(await s.GetRequiredService<ChangeRegistration>().ReissueBadgeAsync(ids[1], Cancel));
            return (await s.GetRequiredService<RegisterAttendee>().RunAsync(category, Person(category, 3), null, cancellationToken: Cancel)).RegistrationId!.Value;
        });
        using (var reprint = await Start(BadgeSheetSelection.NotPrinted))
        {
            Assert.Equal(["Guest1", "Guest3"], await PrintedAsync(client, reprint));
        }

        var sheets = await App.WithDbAsync(db => db.BadgeSheets.CountAsync(Cancel));
        using (var typo = await Start(BadgeSheetSelection.List, $"print2-{category}-0@summit.test\nnobody-{category}@summit.test"))
        {
            Assert.Equal(HttpStatusCode.OK, typo.StatusCode);
            Assert.Contains($"Line 2 (nobody-{category}@summit.test): no registration of this edition", WebUtility.HtmlDecode(await typo.Content.ReadAsStringAsync(Cancel)), StringComparison.Ordinal);
        }

        Assert.Equal(sheets, await App.WithDbAsync(db => db.BadgeSheets.CountAsync(Cancel)));
        var code = await App.WithDbAsync(db => db.Registrations.Where(r => r.Id == added).Select(r => r.BadgeCode).FirstAsync(Cancel));
        using (var listed = await Start(BadgeSheetSelection.List, $" PRINT2-{category}-0@summit.test \n{code!.ToLowerInvariant()}\n"))
        {
            Assert.Equal(["Guest0", "Guest3"], await PrintedAsync(client, listed));
        }
    }

    private static RegistrationDetails Person(int category, int i) =>
        new(null, null, "Chow", $"Guest{i}", false, null, null, $"print2-{category}-{i}@summit.test", null, "SG", "en", null, null, false, true, "2026-11");

    /// <summary>Follows a started run to its PDF, and gives the given names on its pages, one badge per page.</summary>
    private async Task<List<string>> PrintedAsync(HttpClient client, HttpResponseMessage started)
    {
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var sheet = int.Parse(started.Headers.Location!.OriginalString.Split("sheet=")[1], CultureInfo.InvariantCulture);
        await WaitForRunAsync(sheet, TimeSpan.FromSeconds(30));

        var bytes = await client.GetByteArrayAsync(new Uri($"/admin/registrations/2021/badges?handler=download&sheet={sheet}", UriKind.Relative), Cancel);
        using var pdf = PdfDocument.Open(bytes);
        return pdf.GetPages().Select(p => System.Text.RegularExpressions.Regex.Match(string.Concat(p.Letters.Select(l => l.Value)), "Guest[0-9]").Value).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>An organizer starts a print run of a category, four to an A4 sheet; the run's id from the redirect.</summary>
    private static async Task<int> StartRunAsync(HttpClient client, int category)
    {
        using var started = await client.PostAsync("/admin/registrations/2021/badges", new Dictionary<string, string>
        {
            ["categoryId"] = category.ToString(CultureInfo.InvariantCulture),
            ["layout"] = nameof(BadgeSheetLayout.FourPerA4),
        });
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        return int.Parse(started.Headers.Location!.OriginalString.Split("sheet=")[1], CultureInfo.InvariantCulture);
    }

    /// <summary>Until the job has finished the run, or the time is up (the test's next assertion then says what is missing).</summary>
    private async Task WaitForRunAsync(int sheet, TimeSpan atMost)
    {
        var deadline = DateTime.UtcNow + atMost;
        while (await App.WithDbAsync(db => db.BadgeSheets.Where(s => s.Id == sheet).Select(s => s.FinishedAt).FirstAsync(Cancel)) is null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200, Cancel);
        }
    }
}

public sealed class BadgeSheetTestsOnSqlite(SqliteApp app) : BadgeSheetTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class BadgeSheetTestsOnPostgres(PostgresApp app) : BadgeSheetTests<PostgresApp>(app), IClassFixture<PostgresApp>;
