using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Summit.Core.Accounts;
using Summit.Core.Data;
using Summit.Core.Registrations;
using Summit.Testing;

namespace Summit.Browser.Tests;

/// <summary>A desk volunteer checks a guest in by the code a hand scanner types, in a real browser on a phone-sized screen.</summary>
public sealed class CheckInBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_badge_code_typed_from_the_badge_shows_the_welcome_card_then_already_checked_in()
    {
        var ct = TestContext.Current.CancellationToken;
        string token;
        using (var scope = app.Factory.Services.CreateScope())
        {
            var s = scope.ServiceProvider;
            var category = await s.GetRequiredService<SummitDbContext>().RegistrationCategories
                .Where(c => c.Kind == CategoryKind.General && c.Capacity == null && !c.RequiresApproval && !c.RequiresInvitation).Select(c => c.Id).FirstAsync(ct);
            var outcome = await s.GetRequiredService<RegisterAttendee>().RunAsync(category, new RegistrationDetails(
                "黄", "思敏", "Wong", "Sze Min", false, "GIC", null, $"szemin-{Guid.NewGuid():N}@summit.test", null, "SG", "en", null, null, false, true, "2026-11"), null, cancellationToken: ct);
            // The code printed under the QR code, as a volunteer reads it off the badge.
            Assert.NotNull(await s.GetRequiredService<Summit.Jobs.Badges.BadgeService>().EnsureAsync(outcome.RegistrationId!.Value, ct));
            var code = await s.GetRequiredService<SummitDbContext>().Registrations.Where(r => r.Id == outcome.RegistrationId).Select(r => r.BadgeCode).FirstAsync(ct);
            token = BadgeTokens.FormatShortCode(code!).ToLowerInvariant();
        }

        var staff = await app.Factory.CreateUserAsync($"desk-{Guid.NewGuid():N}@summit.test", Roles.CheckIn);
        await using var context = await app.NewContextAsync(width: 390, height: 844);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.GetByLabel("Email address").FillAsync(staff.Email!);
        await page.GetByLabel("Password").FillAsync(SummitFactory.Password);
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GotoAsync("/checkin");

        await page.GetByLabel("Desk").FillAsync("Hall A");
        await page.GetByLabel("Badge code").FillAsync(token);
        await page.GetByRole(AriaRole.Button, new() { Name = "Check in", Exact = true }).ClickAsync();

        var card = page.Locator(".checkin-result");
        await Assertions.Expect(card).ToContainTextAsync("Welcome");
        await Assertions.Expect(card).ToContainTextAsync("黄思敏");
        await Assertions.Expect(card).ToContainTextAsync("Sze Min Wong");

        await page.GetByLabel("Badge code").FillAsync(token);
        await page.GetByRole(AriaRole.Button, new() { Name = "Check in", Exact = true }).ClickAsync();

        await Assertions.Expect(card).ToContainTextAsync("Already checked in");
        await Assertions.Expect(card).ToContainTextAsync("at Hall A.");
        Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1"));
    }
}
