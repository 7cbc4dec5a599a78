using Microsoft.Playwright;
using Summit.Core.Demo;

namespace Summit.Browser.Tests;

public sealed class SignInTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task The_demo_organizer_signs_in_switches_to_Chinese_and_reaches_administration()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Button, new() { Name = "OK" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in", Exact = true }).First.ClickAsync();
        await page.GetByLabel("Email address").FillAsync("organizer@summit.example");
        await page.GetByLabel("Password").FillAsync(new DemoOptions().AccountPassword);
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Administration" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "简体中文" }).ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-Hans");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("2021中新（重庆）战略性互联互通示范项目金融峰会");

        await page.GetByRole(AriaRole.Link, new() { Name = "管理" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/admin$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "管理" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "退出登录" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "您已退出登录" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_jobs_dashboard_opens_for_the_organizer()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.GetByLabel("Email address").FillAsync("organizer@summit.example");
        await page.GetByLabel("Password").FillAsync(new DemoOptions().AccountPassword);
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        var response = await page.GotoAsync("/admin/jobs");
        Assert.Equal(200, response!.Status);
        await Assertions.Expect(page.GetByText("Summit jobs").First).ToBeVisibleAsync();
    }
}

public sealed class SpeakerDirectoryTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task The_directory_and_a_profile_render_in_English_and_Chinese()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/speakers");
        await page.GetByRole(AriaRole.Link, new() { Name = "Zeng Gang" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Zeng Gang");
        await Assertions.Expect(page.GetByText("Deputy Director, National Institution for Finance and Development", new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("figure.speaker-photo figcaption")).ToContainTextAsync("Generated illustration (demo)");

        await page.GetByRole(AriaRole.Button, new() { Name = "简体中文" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("曾刚");
        await Assertions.Expect(page.GetByText("国家金融与发展实验室副主任", new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("figure.speaker-photo figcaption")).ToContainTextAsync("图片");
        await page.GetByRole(AriaRole.Link, new() { Name = "全部嘉宾" }).ClickAsync();
        await page.GetByLabel("按姓名（中文或拉丁字母）或机构搜索").FillAsync("曾");
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "搜索" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "曾刚" })).ToBeVisibleAsync();
    }
}
