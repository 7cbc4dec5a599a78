using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Summit.Core.Data;
using Summit.Core.Demo;
using Summit.Core.Registrations;

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
        await page.GetByLabel("电子邮件地址").FillAsync("wang.xiaoming@summit.test");
        await page.Locator("#Input_Consent").CheckAsync();
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
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
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
}
