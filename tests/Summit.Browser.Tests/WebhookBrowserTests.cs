using Microsoft.Playwright;
using Summit.Core.Demo;

namespace Summit.Browser.Tests;

/// <summary>
/// An organizer adds a webhook endpoint in a real browser (on a desktop in English, on a phone in Chinese), reads
/// its signing secret, sends a test event and sees it in the delivery log, then removes the endpoint through the
/// confirmation; axe finds nothing serious or critical on any of these pages.
/// </summary>
public sealed class WebhookBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task An_organizer_adds_an_endpoint_sends_a_test_event_and_removes_it_in_both_languages()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.GetByLabel("Email address").FillAsync("organizer@summit.example");
        await page.GetByLabel("Password").FillAsync(new DemoOptions().AccountPassword);
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();

        foreach (var (culture, width, add, test, remove, confirm, removed) in new[]
        {
            ("en", 1280, "Add the endpoint", "Send a test event", "Remove", "Yes, remove it", "Endpoint removed."),
            ("zh-Hans", 390, "添加端点", "发送测试事件", "删除", "是的，删除", "端点已删除。"),
        })
        {
            await page.SetViewportSizeAsync(width, 844);
            var form = context.APIRequest.CreateFormData();
            form.Set("culture", culture);
            form.Set("returnUrl", "/admin/webhooks");
            await context.APIRequest.PostAsync("/culture", new() { Form = form, MaxRedirects = 0 });
            await page.GotoAsync("/admin/webhooks");
            await page.AssertNoSeriousViolationsAsync($"webhooks [{culture}]");

            // Refused first: plain http to a public host.
            await page.Locator("#webhook-url").FillAsync("http://hooks.example.com/summit");
            await page.Locator("input[value='registration.confirmed']").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = add }).ClickAsync();
            await Assertions.Expect(page.Locator("#webhook-url-error")).Not.ToBeEmptyAsync();
            await page.AssertNoSeriousViolationsAsync($"webhook refused [{culture}]");

            var url = $"https://hooks.example.com/summit/{culture}/{Guid.NewGuid():N}";
            await page.Locator("#webhook-url").FillAsync(url);
            await page.Locator("input[value='checkin.created']").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = add }).ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/admin/webhooks/[0-9]+$"));
            await page.Locator("summary").First.ClickAsync();
            Assert.StartsWith("whsec_", await page.Locator("#webhook-secret").InputValueAsync(), StringComparison.Ordinal);
            await page.AssertNoSeriousViolationsAsync($"endpoint [{culture}]");

            await page.GetByRole(AriaRole.Button, new() { Name = test }).ClickAsync();
            await Assertions.Expect(page.Locator("table.data")).ToContainTextAsync("webhook.test");
            await page.AssertNoSeriousViolationsAsync($"delivery log [{culture}]");

            await page.GetByRole(AriaRole.Button, new() { Name = remove, Exact = true }).ClickAsync();
            await page.AssertNoSeriousViolationsAsync($"remove confirmation [{culture}]");
            await page.GetByRole(AriaRole.Button, new() { Name = confirm }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync(removed);
            Assert.DoesNotContain(url, await page.ContentAsync(), StringComparison.Ordinal);
        }
    }
}
