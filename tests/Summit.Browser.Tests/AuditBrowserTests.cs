using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Summit.Core.Accounts;
using Summit.Core.Demo;
using Summit.Core.Editions;
using Summit.Core.Registrations;
using Summit.Core.Scheduling;

namespace Summit.Browser.Tests;

/// <summary>
/// An organizer approves a registration, moves a session and gives an account a role in a real browser; each change
/// shows with who made it and its fields before → after on the object's page and on /admin/audit, in English on a
/// desktop and in Chinese on a phone, with no serious or critical axe violations.
/// </summary>
public sealed class AuditBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Approving_moving_and_giving_a_role_show_in_the_objects_history_and_the_audit_trail_in_both_languages()
    {
        var ct = TestContext.Current.CancellationToken;
        var slug = $"a{Guid.NewGuid():N}"[..10];
        int registration, session, roomOne, roomTwo;
        var person = $"audit-{slug}@summit.test";
        using (var scope = app.Factory.Services.CreateScope())
        {
            var s = scope.ServiceProvider;
            var edition = (await s.GetRequiredService<SaveEdition>().RunAsync(null, new EditionDetails(
                slug, "Audit edition", "审计测试届", null, null, new DateOnly(2030, 11, 5), new DateOnly(2030, 11, 6), "Venue", "场地", "Chongqing", "重庆", "Asia/Shanghai", EditionStatus.Open), ct)).EditionId!.Value;
            var category = (await s.GetRequiredService<SaveCategory>().RunAsync(edition, null, new CategoryDetails("Observer", "观察员", null, null, CategoryKind.General, 10, true, false, null, null, 1), ct)).CategoryId!.Value;
            registration = (await s.GetRequiredService<RegisterAttendee>().RunAsync(category, new RegistrationDetails(
                "赵", "磊", "Zhao", "Lei", true, "Bank", null, $"zhao.lei.{slug}@summit.test", null, "CN", "zh-Hans", null, null, false, true, "2026-11"), null, cancellationToken: ct)).RegistrationId!.Value;
            var programme = s.GetRequiredService<SaveProgrammeItem>();
            var venue = (await programme.SaveVenueAsync(edition, null, "Yuelai", "悦来", ct)).Id!.Value;
            roomOne = (await programme.SaveRoomAsync(edition, null, venue, new RoomDetails("Hall A", "A厅", 50, SessionLanguage.English, null, 1), ct)).Id!.Value;
            roomTwo = (await programme.SaveRoomAsync(edition, null, venue, new RoomDetails("Hall B", "B厅", 50, SessionLanguage.English, null, 2), ct)).Id!.Value;
            var type = (await programme.SaveTypeAsync(edition, null, "Panel", "圆桌", false, 1, ct)).Id!.Value;
            session = (await s.GetRequiredService<SaveSession>().RunAsync(edition, null, new SessionDetails(
                "Cross-border payments", "跨境支付", null, null, type, null, SessionLanguage.English, false, null, []), ct)).SessionId!.Value;
            var start = ScheduleTime.ToUtc(new DateOnly(2030, 11, 5), new TimeOnly(9, 0), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));
            Assert.True((await s.GetRequiredService<ScheduleSession>().PlaceAsync(edition, session, roomOne, start, start.AddHours(1), ct)).Succeeded);
            var users = s.GetRequiredService<UserManager<SummitUser>>();
            Assert.True((await users.CreateAsync(new SummitUser { UserName = person, Email = person, EmailConfirmed = true }, "violet-kettle-orbit-lantern")).Succeeded);
        }

        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.GetByLabel("Email address").FillAsync("organizer@summit.example");
        await page.GetByLabel("Password").FillAsync(new DemoOptions().AccountPassword);
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();

        await page.GotoAsync($"/admin/registrations/{slug}/{registration}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Approve", Exact = true }).ClickAsync();
        var registrationChanges = page.Locator("section[aria-labelledby=audit-heading]");
        await Assertions.Expect(registrationChanges.Locator("tr", new() { HasText = "organizer@summit.example" })).ToContainTextAsync("Status: PendingApproval → Confirmed");

        await page.GotoAsync($"/admin/programme/{slug}/sessions/{session}/place");
        await page.GetByLabel("Room").SelectOptionAsync(roomTwo.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("Starts").FillAsync("10:30");
        await page.GetByLabel("Ends").FillAsync("11:30");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save place and time" }).ClickAsync();
        await page.GotoAsync($"/admin/programme/{slug}/sessions/edit/{session}");
        var moved = page.Locator("section[aria-labelledby=audit-heading] tr", new() { HasText = "organizer@summit.example" }).First;
        await Assertions.Expect(moved).ToContainTextAsync($"Room: {roomOne} → {roomTwo}");
        await Assertions.Expect(moved).ToContainTextAsync("Starts at: 2030-11-05 01:00:00Z → 2030-11-05 02:30:00Z");

        await page.GotoAsync($"/admin/users?q={Uri.EscapeDataString(person)}");
        await page.Locator("tr", new() { HasText = person }).GetByRole(AriaRole.Button, new() { Name = "Press", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("section.confirm")).ToContainTextAsync($"{person} will be given the role Press.");
        await page.AssertNoSeriousViolationsAsync("confirmation page");
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, change the role" }).ClickAsync();
        await page.GotoAsync($"/admin/users?q={Uri.EscapeDataString(person)}");
        await Assertions.Expect(page.Locator("tr", new() { HasText = person }).GetByRole(AriaRole.Button, new() { Name = "Press", Exact = true })).ToHaveAttributeAsync("aria-pressed", "true");
        await page.Locator("tr", new() { HasText = person }).GetByRole(AriaRole.Link, new() { Name = "Changes" }).ClickAsync();
        await Assertions.Expect(page.Locator("table.audit tr", new() { HasText = "organizer@summit.example" }).First).ToContainTextAsync("Role: — → Press");

        await page.GotoAsync($"/admin/audit?edition={slug}&person=organizer%40summit.example");
        var trail = page.Locator("table.audit tbody");
        await Assertions.Expect(trail).ToContainTextAsync("Status: PendingApproval → Confirmed");
        await Assertions.Expect(trail).ToContainTextAsync($"Room: {roomOne} → {roomTwo}");
        await Assertions.Expect(trail.Locator("a", new() { HasText = "Cross-border payments" }).First).ToHaveAttributeAsync("href", $"/admin/programme/{slug}/sessions/edit/{session}");

        var pages = new[]
        {
            $"/admin/audit?edition={slug}",
            $"/admin/audit?type=Account",
            $"/admin/registrations/{slug}/{registration}",
            $"/admin/programme/{slug}/sessions/edit/{session}",
        };
        foreach (var (culture, width) in new[] { ("en", 1280), ("zh-Hans", 390) })
        {
            await page.SetViewportSizeAsync(width, 844);
            foreach (var path in pages)
            {
                await page.GotoAsync($"{path}{(path.Contains('?', StringComparison.Ordinal) ? '&' : '?')}culture={culture}");
                await page.AssertNoSeriousViolationsAsync($"{path} [{culture}]");
            }
        }

        await page.GotoAsync($"/admin/audit?edition={slug}&culture=zh-Hans");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "审计日志", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("table.audit tbody")).ToContainTextAsync("已更改");
        await Assertions.Expect(page.Locator("table.audit tbody")).ToContainTextAsync("状态: PendingApproval → Confirmed");
    }
}
