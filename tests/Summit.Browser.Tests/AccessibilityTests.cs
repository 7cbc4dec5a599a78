
namespace Summit.Browser.Tests;

/// <summary>
/// axe-core on every public page, in both languages, on a desktop and a phone: no serious or critical violations.
/// The pages are split by area into three classes (one app each) so they run side by side; later issues add their
/// public pages to the area's list.
/// </summary>
public abstract class AccessibilityTests(BrowserApp app)
{
    protected async Task CheckAsync(string path)
    {
        foreach (var (locale, width) in new[] { ("en-GB", 1280), ("zh-CN", 390) })
        {
            await using var context = await app.NewContextAsync(width: width, height: 844, locale: locale);
            var page = await context.NewPageAsync();
            var response = await page.GotoAsync(path);
            Assert.NotNull(response);
            Assert.True(response.Status is 200 or 404, $"{path} answered {response.Status}");

            await page.AssertNoSeriousViolationsAsync($"{path} [{locale}, {width}px]");

            // Works on a phone: nothing forces sideways scrolling.
            var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
            Assert.False(overflow, $"{path} [{locale}, {width}px] scrolls sideways.");
        }
    }
}

/// <summary>The site's own pages and the account pages.</summary>
public sealed class SiteAccessibilityTests(BrowserApp app) : AccessibilityTests(app), IClassFixture<BrowserApp>
{
    public static TheoryData<string> PublicPages() =>
    [
        "/", "/2021", "/contact", "/privacy", "/cookies", "/account/login", "/account/register",
        "/account/forgot-password", "/account/resend-email-confirmation", "/account/lockout", "/account/strong-sign-in", "/status/404",
    ];

    [Theory]
    [MemberData(nameof(PublicPages))]
    public Task Public_page_has_no_serious_accessibility_violations_in_either_language(string path) => CheckAsync(path);
}

/// <summary>Speakers and the programme.</summary>
public sealed class ProgrammeAccessibilityTests(BrowserApp app) : AccessibilityTests(app), IClassFixture<BrowserApp>
{
    public static TheoryData<string> PublicPages() =>
    [
        "/speakers", "/2021/speakers", "/speakers/zeng-gang", "/speakers?q=%E6%9B%BE",
        "/2021/schedule", "/2021/schedule?day=2021-11-06&view=list", "/2021/schedule/changelog", "/2021/sessions/2",
    ];

    [Theory]
    [MemberData(nameof(PublicPages))]
    public Task Public_page_has_no_serious_accessibility_violations_in_either_language(string path) => CheckAsync(path);
}

/// <summary>Registration and the press pages.</summary>
public sealed class RegistrationAndPressAccessibilityTests(BrowserApp app) : AccessibilityTests(app), IClassFixture<BrowserApp>
{
    public static TheoryData<string> PublicPages() =>
    [
        "/2021/register", "/2021/register/sent", "/registration/erased",
        "/news", "/news?tag=green%20finance", "/news/zeng-gang-energy-saving-emission-reduction-2021", "/press/sign-off/not-a-real-token",
    ];

    [Theory]
    [MemberData(nameof(PublicPages))]
    public Task Public_page_has_no_serious_accessibility_violations_in_either_language(string path) => CheckAsync(path);
}
