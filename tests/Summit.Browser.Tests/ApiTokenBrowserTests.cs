using Microsoft.Playwright;
using Summit.Core.Demo;

namespace Summit.Browser.Tests;

/// <summary>
/// An organizer makes an API token in a real browser (on a desktop in English, on a phone in Chinese), copies the
/// secret shown once, sees it listed without its secret, and revokes it through the confirmation; axe finds nothing
/// serious or critical on the page, the answer with the secret, or the confirmation.
/// </summary>
public sealed class ApiTokenBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task An_organizer_makes_a_token_sees_it_once_and_revokes_it_in_both_languages()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.GetByLabel("Email address").FillAsync("organizer@summit.example");
        await page.GetByLabel("Password").FillAsync(new DemoOptions().AccountPassword);
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();

        foreach (var (culture, width, make, revoke, confirm, made) in new[]
        {
            ("en", 1280, "Make the token", "Revoke", "Yes, revoke it", "Revoked: the token no longer works."),
            ("zh-Hans", 390, "创建令牌", "撤销", "是的，撤销", "已撤销：该令牌不再有效。"),
        })
        {
            await page.SetViewportSizeAsync(width, 844);
            // The language switch, as the site's own form posts it: the choice holds for the forms that follow.
            var form = context.APIRequest.CreateFormData();
            form.Set("culture", culture);
            form.Set("returnUrl", "/admin/api-tokens");
            await context.APIRequest.PostAsync("/culture", new() { Form = form, MaxRedirects = 0 });
            await page.GotoAsync("/admin/api-tokens");
            await page.AssertNoSeriousViolationsAsync($"tokens [{culture}]");
            var name = $"Gates {culture} {Guid.NewGuid():N}"[..20];
            await page.Locator("#token-name").FillAsync(name);
            await page.Locator("#access-checkin-ReadWrite").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = make }).ClickAsync();

            var secret = await page.Locator("#issued-secret").InputValueAsync();
            Assert.StartsWith("summit_", secret, StringComparison.Ordinal);
            await page.AssertNoSeriousViolationsAsync($"token made [{culture}]");

            await page.GotoAsync("/admin/api-tokens");
            Assert.DoesNotContain(secret, await page.ContentAsync(), StringComparison.Ordinal);
            var row = page.Locator("tr", new() { HasText = name });
            await Assertions.Expect(row).ToContainTextAsync(secret[..12]);
            await row.GetByRole(AriaRole.Button, new() { Name = revoke }).ClickAsync();
            await page.AssertNoSeriousViolationsAsync($"revoke confirmation [{culture}]");
            await page.GetByRole(AriaRole.Button, new() { Name = confirm }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync(made);
            await Assertions.Expect(page.Locator("tr", new() { HasText = name }).GetByRole(AriaRole.Button, new() { Name = revoke })).ToHaveCountAsync(0);
        }
    }
}
