using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Summit.Core.Data;
using Summit.Core.Demo;
using Summit.Core.Registrations;

namespace Summit.Browser.Tests;

/// <summary>An organizer writes a bulk email in a real browser and watches it go out.</summary>
public sealed class MailBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task An_organizer_previews_and_sends_a_bulk_email_to_a_segment_and_watches_it_to_the_end()
    {
        var ct = TestContext.Current.CancellationToken;
        var tag = Guid.NewGuid().ToString("N")[..6];
        using (var scope = app.Factory.Services.CreateScope())
        {
            var s = scope.ServiceProvider;
            var edition = await s.GetRequiredService<SummitDbContext>().Editions.Where(e => e.Slug == "2021").Select(e => e.Id).FirstAsync(ct);
            var category = (await s.GetRequiredService<SaveCategory>().RunAsync(edition, null, new CategoryDetails($"Gala {tag}", $"晚宴 {tag}", null, null, CategoryKind.General, null, false, false, null, null, 60), ct)).CategoryId!.Value;
            foreach (var (given, culture) in new[] { ("Mei", "en"), ("Hui", "zh-Hans") })
            {
                var outcome = await s.GetRequiredService<RegisterAttendee>().RunAsync(category, new RegistrationDetails(
                    "陈", given == "Mei" ? "美" : "慧", "Tan", given, false, null, null, $"{given.ToLowerInvariant()}-{tag}@summit.test", null, "SG", culture, null, null, false, true, "2026-11"), null, cancellationToken: ct);
                Assert.Equal(RegistrationResult.Confirmed, outcome.Result);
            }
        }

        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.GetByLabel("Email address").FillAsync("organizer@summit.example");
        await page.GetByLabel("Password").FillAsync(new DemoOptions().AccountPassword);
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await page.GotoAsync("/admin/mail/bulk");
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("2021") }).First.ClickAsync();

        await page.GetByLabel("Category").SelectOptionAsync(new SelectOptionValue { Label = $"Gala {tag}" });
        await page.GetByLabel("Subject (English)").FillAsync("Gala dinner seating");
        await page.GetByLabel("Text (English)").FillAsync("Dear {{ name }},\n\nyour table card waits at the door.");
        await page.GetByLabel("Subject (Chinese)").FillAsync("晚宴座位");
        await page.GetByLabel("Text (Chinese)").FillAsync("{{ name }}，您好：\n\n您的桌卡在门口领取。");
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("2 people are in this segment now.");
        await Assertions.Expect(page.Locator("article", new() { HasText = "晚宴座位" })).ToContainTextAsync("您的桌卡在门口领取。");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send to 2 people" }).ClickAsync();

        // The progress page refreshes itself until every message has gone out.
        await Assertions.Expect(page.Locator(".bulk-progress")).ToContainTextAsync("Done: 2 of 2 handled.", new() { Timeout = 30_000 });
        await page.GetByRole(AriaRole.Link, new() { Name = "Every message in the mail log" }).ClickAsync();
        var rows = page.Locator("table.data tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(2);
        await Assertions.Expect(rows.Filter(new() { HasText = "Sent" })).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("table.data")).ToContainTextAsync($"hui-{tag}@summit.test");
    }
}
