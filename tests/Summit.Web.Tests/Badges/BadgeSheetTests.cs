using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Summit.Core.Data;
using Summit.Core.Registrations;
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
            var db = s.GetRequiredService<SummitDbContext>();
            var editionId = await db.Editions.Where(e => e.Slug == "2021").Select(e => e.Id).FirstAsync(Cancel);
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

        using var started = await client.PostAsync("/admin/registrations/2021/badges", new Dictionary<string, string>
        {
            ["categoryId"] = category.ToString(CultureInfo.InvariantCulture),
            ["layout"] = nameof(BadgeSheetLayout.FourPerA4),
        });
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var sheet = int.Parse(started.Headers.Location!.OriginalString.Split("sheet=")[1], CultureInfo.InvariantCulture);

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await App.WithDbAsync(db => db.BadgeSheets.Where(s => s.Id == sheet).Select(s => s.FinishedAt).FirstAsync(Cancel)) is null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200, Cancel);
        }

        Assert.Contains("Ready: 5 badges.", WebUtility.HtmlDecode(await client.GetStringAsync(new Uri($"/admin/registrations/2021/badges?sheet={sheet}", UriKind.Relative), Cancel)), StringComparison.Ordinal);
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
}

public sealed class BadgeSheetTestsOnSqlite(SqliteApp app) : BadgeSheetTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class BadgeSheetTestsOnPostgres(PostgresApp app) : BadgeSheetTests<PostgresApp>(app), IClassFixture<PostgresApp>;
