using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Summit.Core.Data;
using Summit.Core.Demo;
using Summit.Core.Editions;
using Summit.Core.Registrations;
using Summit.Core.Scheduling;

namespace Summit.Browser.Tests;

/// <summary>Registering in a real browser in Chinese, and an organizer approving in the dashboard.</summary>
public sealed class RegistrationBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private async Task<int> CategoryAsync(string en, string zh, int capacity, bool approval)
    {
        using var scope = app.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SummitDbContext>();
        var edition = await db.Editions.Where(e => e.Slug == "2021").Select(e => e.Id).FirstAsync();
        var saved = await scope.ServiceProvider.GetRequiredService<SaveCategory>().RunAsync(edition, null, new CategoryDetails(en, zh, null, null, CategoryKind.General, capacity, approval, false, null, null, 50));
        return saved.CategoryId!.Value;
    }

    private async Task RegisterAsync(int category, string family, string given, string email)
    {
        using var scope = app.Factory.Services.CreateScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<RegisterAttendee>().RunAsync(category, new RegistrationDetails(
            null, null, family, given, false, "Bank", null, email, null, "SG", "en", null, null, false, true, "2026-11"), null);
        Assert.NotEqual(RegistrationResult.Refused, outcome.Result);
    }

    [Fact]
    public async Task A_visitor_registers_in_Chinese_and_sees_the_waiting_list_position_when_the_category_is_full()
    {
        var category = await CategoryAsync("Roundtable seat", "闭门会席位", capacity: 1, approval: false);
        await RegisterAsync(category, "First", "Comer", "first-comer@summit.test");

        await using var context = await app.NewContextAsync(width: 390, height: 844, locale: "zh-CN");
        var page = await context.NewPageAsync();
        await page.GotoAsync("/2021/register");
        await page.GetByLabel("闭门会席位").CheckAsync();
        await page.GetByLabel("姓（中文）").FillAsync("王");
        await page.GetByLabel("名（中文）").FillAsync("小明");
        await page.GetByLabel("电子邮件地址").FillAsync("wang.xiaoming");
        await page.Locator("#Input_Consent").CheckAsync();
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "注册", Exact = true }).ClickAsync();

        // The browser checks the address before anything is sent: the form is still there, the field marked invalid.
        Assert.EndsWith("/2021/register", page.Url, StringComparison.Ordinal);
        Assert.True(await page.Locator("#Input_Email").EvaluateAsync<bool>("e => !e.validity.valid"));
        await page.GetByLabel("电子邮件地址").FillAsync("wang.xiaoming@summit.test");
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "注册", Exact = true }).ClickAsync();

        await Assertions.Expect(page.Locator("#status-heading")).ToContainTextAsync("候补名单：第 1 位");
        await Assertions.Expect(page.Locator(".registration-status")).ToContainTextAsync("王小明");
    }

    [Fact]
    public async Task An_organizer_approves_a_pending_registration_and_sees_the_gauge_change()
    {
        var category = await CategoryAsync("Observer", "观察员", capacity: 10, approval: true);
        await RegisterAsync(category, "Lim", "Boon Heng", "lim.boonheng@summit.test");

        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.GetByLabel("Email address").FillAsync("organizer@summit.example");
        await page.GetByLabel("Password").FillAsync(new DemoOptions().AccountPassword);
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await page.GotoAsync("/admin/registrations/2021");
        var gauge = page.Locator("li.gauge", new() { HasText = "Observer" });
        await Assertions.Expect(gauge).ToContainTextAsync("0 of 10 seats confirmed");
        await Assertions.Expect(gauge).ToContainTextAsync("1 to approve");

        await page.GetByLabel("Select Boon Heng Lim").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Approve", Exact = true }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Done for 1 registrations.");
        await Assertions.Expect(page.Locator("li.gauge", new() { HasText = "Observer" })).ToContainTextAsync("1 of 10 seats confirmed");
        await Assertions.Expect(page.Locator("li.gauge", new() { HasText = "Observer" })).ToContainTextAsync("0 to approve");
    }

    [Fact]
    public async Task An_attendee_reserves_a_seat_from_their_registration_page_and_the_self_service_pages_pass_axe()
    {
        var ct = TestContext.Current.CancellationToken;
        string key;
        using (var scope = app.Factory.Services.CreateScope())
        {
            var s = scope.ServiceProvider;
            var slug = $"b{Guid.NewGuid():N}"[..10];
            var edition = (await s.GetRequiredService<SaveEdition>().RunAsync(null, new EditionDetails(
                slug, "Browser edition", "浏览器测试届", null, null, new DateOnly(2030, 11, 5), new DateOnly(2030, 11, 6), "Venue", "场地", "Chongqing", "重庆", "Asia/Shanghai", EditionStatus.Open), ct)).EditionId!.Value;
            var category = (await s.GetRequiredService<SaveCategory>().RunAsync(edition, null, new CategoryDetails("Delegate", "代表", null, null, CategoryKind.General, null, false, false, null, null, 1), ct)).CategoryId!.Value;
            var programme = s.GetRequiredService<SaveProgrammeItem>();
            var venue = (await programme.SaveVenueAsync(edition, null, "Yuelai", "悦来", ct)).Id!.Value;
            var room = (await programme.SaveRoomAsync(edition, null, venue, new RoomDetails("Room 1", "一号厅", 50, SessionLanguage.English, null, 1), ct)).Id!.Value;
            var type = (await programme.SaveTypeAsync(edition, null, "Workshop", "工作坊", false, 1, ct)).Id!.Value;
            var session = (await s.GetRequiredService<SaveSession>().RunAsync(edition, null, new SessionDetails(
                "Green bonds workshop", "绿色债券工作坊", null, null, type, null, SessionLanguage.English, false, 20, []), ct)).SessionId!.Value;
            var start = ScheduleTime.ToUtc(new DateOnly(2030, 11, 5), new TimeOnly(14, 0), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));
            Assert.True((await s.GetRequiredService<ScheduleSession>().PlaceAsync(edition, session, room, start, start.AddHours(1), ct)).Succeeded);
            Assert.True((await s.GetRequiredService<PublishSchedule>().RunAsync(edition, null, null, cancellationToken: ct)).Succeeded);
            key = (await s.GetRequiredService<RegisterAttendee>().RunAsync(category, new RegistrationDetails(
                "陈", "静", "Chen", "Jing", true, "Bank", null, $"chen.jing.{slug}@summit.test", null, "CN", "zh-Hans", null, null, false, true, "2026-11"), null, cancellationToken: ct)).AccessKey!;
        }

        await using var context = await app.NewContextAsync(width: 390, height: 844, locale: "zh-CN");
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/registration/{key}");
        await page.GetByRole(AriaRole.Link, new() { Name = "座位有限的场次" }).ClickAsync();
        await Assertions.Expect(page.GetByText("剩余 20 / 20 个座位")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "预留座位" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("已为您预留“绿色债券工作坊”的座位。");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "让出我的座位" })).ToBeVisibleAsync();

        foreach (var path in new[] { $"/registration/{key}", $"/registration/{key}/edit", $"/registration/{key}/sessions" })
        {
            foreach (var (locale, width) in new[] { ("en-GB", 1280), ("zh-CN", 390) })
            {
                await using var axeContext = await app.NewContextAsync(width: width, height: 844, locale: locale);
                var axePage = await axeContext.NewPageAsync();
                await axePage.GotoAsync(path);
                await axePage.AssertNoSeriousViolationsAsync($"{path} [{locale}]");
                Assert.False(await axePage.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1"), $"{path} [{locale}] scrolls sideways.");
            }
        }
    }

    [Fact]
    public async Task An_organizer_starts_a_print_run_and_watches_the_progress_reach_the_download_link()
    {
        var category = await CategoryAsync($"Printer {Guid.NewGuid():N}"[..16], "印刷", capacity: 50, approval: false);
        for (var i = 0; i < 6; i++)
        {
            await RegisterAsync(category, "Print", $"Guest {i}", $"print-{category}-{i}@summit.test");
        }

        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.GetByLabel("Email address").FillAsync("organizer@summit.example");
        await page.GetByLabel("Password").FillAsync(new DemoOptions().AccountPassword);
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await page.GotoAsync("/admin/registrations/2021");
        await page.GetByRole(AriaRole.Link, new() { Name = "Print badges" }).ClickAsync();
        await page.GetByLabel("Layout").SelectOptionAsync(new SelectOptionValue { Label = "Four per A4 sheet" });
        var categoryName = await page.Locator("#CategoryId option").Filter(new() { HasText = "Printer" }).First.TextContentAsync();
        await page.GetByLabel("Category").SelectOptionAsync(new SelectOptionValue { Label = categoryName! });
        await page.GetByRole(AriaRole.Button, new() { Name = "Start" }).ClickAsync();

        // The page refreshes itself while the job runs, then offers the file.
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Download the PDF" })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator(".sheet-progress")).ToContainTextAsync("Ready: 6 badges.");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download the PDF" }).ClickAsync());
        Assert.EndsWith(".pdf", download.SuggestedFilename, StringComparison.Ordinal);
    }
}
