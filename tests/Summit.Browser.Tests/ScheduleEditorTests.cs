using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Summit.Core.Demo;

namespace Summit.Browser.Tests;

/// <summary>An organizer works the schedule in a real browser; the public sees the result only once it is published.</summary>
public sealed partial class ScheduleEditorTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static async Task<IPage> SignedInOrganizerAsync(IBrowserContext context)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.GetByLabel("Email address").FillAsync("organizer@summit.example");
        await page.GetByLabel("Password").FillAsync(new DemoOptions().AccountPassword);
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Administration" })).ToBeVisibleAsync();
        return page;
    }

    [Fact]
    public async Task An_organizer_moves_a_session_sees_a_clash_refused_publishes_and_the_public_sees_the_change()
    {
        await using var context = await app.NewContextAsync();
        var page = await SignedInOrganizerAsync(context);
        await page.GotoAsync("/admin/programme/2021?day=2021-11-05");
        var card = page.Locator("article.editor-card", new() { HasText = "Keynote: Capital for the corridor" });
        await card.GetByRole(AriaRole.Link, new() { Name = "Move" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Move session", Level = 1 })).ToBeVisibleAsync();
        var sessionPath = SessionPath().Match(page.Url).Groups[1].Value;

        // Onto the keynote that already holds the Main Hall at 09:30: refused, with the reason.
        await page.GetByLabel("Room").SelectOptionAsync(new SelectOptionValue { Label = "Main Hall (1200)" });
        await page.GetByLabel("Starts").FillAsync("09:30");
        await page.GetByLabel("Ends").FillAsync("10:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save place and time" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Main Hall is already used by “Keynote: Finance for carbon neutrality” from 2021-11-05 09:30 to 10:00 (UTC+08:00 Asia/Shanghai).");

        // Into the free lunch hour instead.
        await page.GetByLabel("Starts").FillAsync("12:30");
        await page.GetByLabel("Ends").FillAsync("13:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save place and time" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved “Keynote: Capital for the corridor”");

        // Not public yet.
        var visitor = await (await app.NewContextAsync()).NewPageAsync();
        await visitor.GotoAsync($"/2021/sessions/{sessionPath}");
        await Assertions.Expect(visitor.Locator(".session-facts")).ToContainTextAsync("11:30");

        await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Publish v\\d+$") }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Published v3");

        await visitor.GotoAsync($"/2021/sessions/{sessionPath}");
        await Assertions.Expect(visitor.Locator(".session-facts")).ToContainTextAsync("12:30");
        await visitor.GotoAsync("/2021/schedule/changelog");
        var latest = visitor.Locator("section.version").First;
        await Assertions.Expect(latest.GetByRole(AriaRole.Heading)).ToContainTextAsync("v3");
        await Assertions.Expect(latest.Locator("li", new() { HasText = "Keynote: Capital for the corridor" })).ToContainTextAsync("Moved");
        await Assertions.Expect(latest.Locator("li", new() { HasText = "Keynote: Capital for the corridor" })).ToContainTextAsync("2021-11-05 11:30");
        await visitor.Context.CloseAsync();
    }

    [Fact]
    public async Task An_organizer_drags_a_session_to_a_free_cell()
    {
        await using var context = await app.NewContextAsync(width: 1600);
        var page = await SignedInOrganizerAsync(context);
        await page.GotoAsync("/admin/programme/2021?day=2021-11-06");
        var card = page.Locator("article.editor-card", new() { HasText = "Closing plenary and summit statement" });
        await Assertions.Expect(card).ToContainTextAsync("17:15–18:00");
        var target = page.Locator("td.slot[data-start='08:00']").First;

        // Playwright's mouse drag does not start an HTML5 drag in this headless Chromium, so the test dispatches the
        // drag events a person's drag produces; from there on it is the page's own script, form and server rules.
        var transfer = await page.EvaluateHandleAsync("() => new DataTransfer()");
        await card.DispatchEventAsync("dragstart", new Dictionary<string, object> { ["dataTransfer"] = transfer });
        await target.DispatchEventAsync("dragover", new Dictionary<string, object> { ["dataTransfer"] = transfer });
        await target.DispatchEventAsync("drop", new Dictionary<string, object> { ["dataTransfer"] = transfer });

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved “Closing plenary and summit statement”");
        await Assertions.Expect(page.Locator("article.editor-card", new() { HasText = "Closing plenary and summit statement" })).ToContainTextAsync("08:00–08:45");
    }

    [GeneratedRegex("/sessions/(\\d+)/place")]
    private static partial Regex SessionPath();
}
