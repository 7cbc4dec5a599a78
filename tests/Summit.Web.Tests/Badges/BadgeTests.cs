using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Summit.Core.Data;
using Summit.Core.Registrations;
using Summit.Jobs.Badges;
using Summit.Testing;
using UglyToad.PdfPig;

namespace Summit.Web.Tests.Badges;

/// <summary>Badges made on confirmation, emailed once, downloadable by their owner only, gone when cancelled.</summary>
public abstract class BadgeTests<TApp>(TApp app) where TApp : SummitApp
{
    protected SummitFactory App => app.Factory;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_confirmed_registration_gets_its_badge_by_email_once_and_only_its_owner_can_download_it()
    {
        var email = $"badge-{Guid.NewGuid():N}@summit.test";
        var (id, key, other) = await App.ScopedAsync(async s =>
        {
            var data = new TestData(s);
            var category = await data.CategoryAsync(await data.EditionIdAsync("2021"));
            var register = s.GetRequiredService<RegisterAttendee>();
            var mine = await register.RunAsync(category, new RegistrationDetails("曾", "刚", "Zeng", "Gang", true, "NIFD", "Deputy Director", email, null, "CN", "zh-Hans", null, null, false, true, "2026-11"), null, cancellationToken: Cancel);
            var theirs = await register.RunAsync(category, new RegistrationDetails(null, null, "Żółć", "Łukasz", false, null, null, $"other-{email}", null, "PL", "en", null, null, false, true, "2026-11"), null, cancellationToken: Cancel);
            return (mine.RegistrationId!.Value, mine.AccessKey!, theirs.AccessKey!);
        });

        var mail = await App.WaitForMailAsync(email, BadgeMails.ReadyKind);
        var attachment = Assert.IsAssignableFrom<MimeKit.MimePart>(Assert.Single(mail.Attachments));
        using (var bytes = new MemoryStream())
        {
            await attachment.Content!.DecodeToAsync(bytes, Cancel);
            using var pdf = PdfDocument.Open(bytes.ToArray());
            Assert.Contains("曾刚", string.Concat(pdf.GetPage(1).Letters.Select(l => l.Value)), StringComparison.Ordinal);
        }

        // The job again: the same badge, the same email, nothing new.
        await App.ScopedAsync(async s =>
        {
            await s.GetRequiredService<RenderBadgeJob>().RunAsync(id, Cancel);
            return true;
        });
        var folder = App.Services.GetRequiredService<IOptions<StorageOptions>>().Value.SubFolder("badges");
        Assert.Single(Directory.GetFiles(folder, $"{id}-*.pdf"));
        Assert.Equal(1, await App.WithDbAsync(db => db.OutgoingMails.CountAsync(m => m.ToAddress == email && m.Kind == BadgeMails.ReadyKind, Cancel)));

        using var client = App.Browser();
        using (var download = await client.GetAsync(new Uri($"/registration/{key}?handler=badge", UriKind.Relative), Cancel))
        {
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        }

        using (var forged = await client.GetAsync(new Uri($"/registration/{Guid.NewGuid():N}?handler=badge", UriKind.Relative), Cancel))
        {
            Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        }

        using (var anonymous = await client.GetAsync(new Uri("/my/badge.pdf", UriKind.Relative), Cancel))
        {
            Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        }

        // Signed in as someone else: their page says they have no badge; it never serves another person's.
        var stranger = await App.CreateUserAsync($"stranger-{Guid.NewGuid():N}@summit.test", Core.Accounts.Roles.Attendee);
        using var signedIn = App.Browser();
        await signedIn.SignInAsync(stranger.Email!);
        using (var none = await signedIn.GetAsync(new Uri("/my/badge.pdf", UriKind.Relative), Cancel))
        {
            // No PDF at this address for them: a 404, with a page that says why.
            Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
            Assert.Equal("text/html", none.Content.Headers.ContentType?.MediaType);
            Assert.Contains("You have no confirmed registration yet", await none.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        }

        await App.ScopedAsync(s => s.GetRequiredService<ChangeRegistration>().CancelAsync(id, cancellationToken: Cancel));
        await App.ScopedAsync(async s =>
        {
            await s.GetRequiredService<RenderBadgeJob>().RunAsync(id, Cancel);
            return true;
        });
        Assert.Empty(Directory.GetFiles(folder, $"{id}-*.pdf"));
        using var cancelled = await client.GetAsync(new Uri($"/registration/{key}?handler=badge", UriKind.Relative), Cancel);
        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        Assert.NotEqual(other, key);
    }

    [Fact]
    public void A_badge_token_names_its_registration_and_a_tampered_or_forged_one_names_nothing()
    {
        var tokens = App.Services.GetRequiredService<BadgeTokens>();
        var token = tokens.Issue(42, 1);

        Assert.StartsWith("S1.", token, StringComparison.Ordinal);
        Assert.True(token.All(char.IsAscii));
        Assert.Equal((42, 1), tokens.Read(token));
        var tampered = token[..^3] + (token[^3] == 'A' ? 'B' : 'A') + token[^2..];
        Assert.Null(tokens.Read(tampered));
        Assert.Null(tokens.Read("S1." + Convert.ToBase64String(new byte[60]).Replace('+', '-').Replace('/', '_').TrimEnd('=')));
        Assert.Null(tokens.Read("42"));
        Assert.Null(tokens.Read(null));
    }

    [Fact]
    public async Task An_organizer_recolouring_a_category_redraws_its_badges_and_emails_nobody()
    {
        var email = $"recolour-{Guid.NewGuid():N}@summit.test";
        var (id, category) = await App.ScopedAsync(async s =>
        {
            var editionId = await new TestData(s).EditionIdAsync("2021");
            var made = (await s.GetRequiredService<SaveCategory>().RunAsync(editionId, null, new CategoryDetails($"Colour {Guid.NewGuid():N}"[..20], "颜色", null, null, CategoryKind.General, null, false, false, null, null, 96), Cancel)).CategoryId!.Value;
            var outcome = await s.GetRequiredService<RegisterAttendee>().RunAsync(made, new RegistrationDetails("曾", "刚", "Zeng", "Gang", true, "NIFD", null, email, null, "CN", "en", null, null, false, true, "2026-11"), null, cancellationToken: Cancel);
            return (outcome.RegistrationId!.Value, made);
        });
        await App.WaitForMailAsync(email, BadgeMails.ReadyKind);
        var folder = App.Services.GetRequiredService<IOptions<StorageOptions>>().Value.SubFolder("badges");
        var before = Assert.Single(Directory.GetFiles(folder, $"{id}-*.pdf"));
        var name = await App.WithDbAsync(db => db.RegistrationCategories.Where(c => c.Id == category).Select(c => c.NameEn).FirstAsync(Cancel));
        var organizer = await App.CreateUserAsync($"organizer-{Guid.NewGuid():N}@summit.test", Core.Accounts.Roles.Organizer);
        using var client = App.Browser();
        await client.SignInAsync(organizer.Email!);
        Dictionary<string, string> Form(string colour) => new()
        {
            ["Input.Id"] = category.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.NameEn"] = name,
            ["Input.NameZh"] = "颜色",
            ["Input.Kind"] = nameof(CategoryKind.General),
            ["Input.Capacity"] = "",
            ["Input.RequiresApproval"] = "false",
            ["Input.RequiresInvitation"] = "false",
            ["Input.Order"] = "96",
            ["Input.OwnColour"] = "true",
            ["Input.BadgeColour"] = colour,
        };

        using (var refused = await client.PostAsync("/admin/registrations/2021/categories", Form("yellow")))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("Choose the badge colour as # and six hexadecimal digits", await refused.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        }

        using (var saved = await client.PostAsync("/admin/registrations/2021/categories", Form("#FFEE00")))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        // The refresh job draws the badge again: a new file replaces the old.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        string[] now;
        while ((now = Directory.GetFiles(folder, $"{id}-*.pdf")).Length != 1 || now[0] == before)
        {
            Assert.True(DateTime.UtcNow < deadline, "The badge was not drawn again.");
            await Task.Delay(200, Cancel);
        }

        using (var pdf = PdfDocument.Open(await File.ReadAllBytesAsync(now[0], Cancel)))
        {
            // On a light yellow band, the category's name is printed black.
            var letter = pdf.GetPage(1).Letters.First(l => l.Value == name[0].ToString());
            Assert.Equal((0.0, 0.0, 0.0), letter.Color.ToRGBValues());
        }

        Assert.Equal("#ffee00", await App.WithDbAsync(db => db.RegistrationCategories.Where(c => c.Id == category).Select(c => c.BadgeColour).FirstAsync(Cancel)));
        await Task.Delay(1500, Cancel);
        Assert.Equal(1, await App.WithDbAsync(db => db.OutgoingMails.CountAsync(m => m.ToAddress == email && m.Kind == BadgeMails.ReadyKind, Cancel)));
    }
}

public sealed class BadgeTestsOnSqlite(SqliteApp app) : BadgeTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class BadgeTestsOnPostgres(PostgresApp app) : BadgeTests<PostgresApp>(app), IClassFixture<PostgresApp>;
