using Microsoft.Playwright;
using Summit.Core.Demo;

namespace Summit.Browser.Tests;

/// <summary>The schedule shared by everyone signed in (decision 0020), with the person's stars and menu added by personal.js.</summary>
public sealed class AgendaBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task An_attendee_stars_a_session_on_the_shared_schedule_finds_it_in_the_agenda_and_unstars_it_in_Chinese_on_a_phone()
    {
        await using var context = await app.NewContextAsync(width: 390, height: 844, locale: "zh-CN");
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        await page.GotoAsync("/account/login");
        await page.GetByLabel("电子邮件地址").FillAsync("attendee@summit.example");
        await page.GetByLabel("密码").FillAsync(new DemoOptions().AccountPassword);
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();

        await page.GotoAsync("/2021/schedule?day=2021-11-05&view=list");
        // The script has set every star from the state document: each says whether it is pressed.
        var star = page.Locator("form[data-star] button.star").First;
        await Assertions.Expect(star).ToHaveAttributeAsync("aria-pressed", "false");
        var title = await page.Locator("form[data-star]").First.Locator("xpath=ancestor::article//h3").InnerTextAsync();
        await star.ClickAsync();
        await Assertions.Expect(star).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(star).ToHaveTextAsync("★");
        Assert.EndsWith("/2021/schedule?day=2021-11-05&view=list", page.Url, StringComparison.Ordinal);

        await page.AssertNoSeriousViolationsAsync("schedule on a phone");
        Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1"), "The schedule scrolls sideways on a phone.");

        await page.GetByRole(AriaRole.Link, new() { Name = "我的日程", Exact = true }).First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("我的日程");
        await Assertions.Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync(title.Trim());

        // Back on the shared page the star is shown pressed (the page came from the cache; the state did not), and unstars.
        await page.GotoAsync("/2021/schedule?day=2021-11-05&view=list");
        await Assertions.Expect(star).ToHaveAttributeAsync("aria-pressed", "true");
        await star.ClickAsync();
        await Assertions.Expect(star).ToHaveAttributeAsync("aria-pressed", "false");
        await page.GotoAsync("/my/agenda");
        await Assertions.Expect(page.GetByRole(AriaRole.Main)).Not.ToContainTextAsync(title.Trim());
        Assert.Empty(errors);
    }

    [Fact]
    public async Task The_organizers_menu_on_the_shared_session_page_has_their_links_and_signs_out_at_once()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await SignInAsync(page, "organizer@summit.example");
        await page.GotoAsync("/2021/sessions/2");
        var menu = page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });
        await Assertions.Expect(menu.GetByRole(AriaRole.Link, new() { Name = "Administration" })).ToBeVisibleAsync();
        await Assertions.Expect(menu.GetByRole(AriaRole.Link, new() { Name = "Newsroom" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Add to my agenda" })).ToHaveAttributeAsync("aria-pressed", "false");

        await menu.GetByRole(AriaRole.Link, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "You are signed out" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Without_script_a_star_on_the_shared_page_opens_a_page_that_asks_and_signing_out_asks_too()
    {
        await using var context = await app.NewContextAsync(javaScript: false);
        var page = await context.NewPageAsync();
        await SignInAsync(page, "speaker@summit.example");
        await page.GotoAsync("/2021/sessions/2");
        var title = await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync();
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Add to my agenda" }).ClickAsync();
        await Assertions.Expect(page.GetByText("This session is not in your agenda yet.")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Add to my agenda" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/2021/sessions/2$"));
        await page.GotoAsync("/my/agenda");
        await Assertions.Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync(title.Trim());

        await page.GotoAsync("/2021/sessions/2");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Sign out" }).ClickAsync();
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "You are signed out" })).ToBeVisibleAsync();
    }

    private static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/account/login");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(new DemoOptions().AccountPassword);
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Assertions.Expect(page).Not.ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login"));
    }
}
