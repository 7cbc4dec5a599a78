using Microsoft.Playwright;

namespace Summit.Browser.Tests;

/// <summary>The demo's schedule at 390 px, as a phone shows it: every session in reach, each saying its room.</summary>
public sealed class ScheduleOnPhoneBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Theory]
    [InlineData("en-GB")]
    [InlineData("zh-CN")]
    public async Task On_a_phone_the_room_grid_reads_as_a_list_in_time_order_with_each_sessions_room(string locale)
    {
        await using var context = await app.NewContextAsync(width: 390, height: 844, locale: locale);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/2021/schedule");

        var cards = page.Locator(".public-grid .session-card");
        var count = await cards.CountAsync();
        Assert.True(count > 3, $"The demo day shows {count} sessions.");
        var rooms = await page.EvaluateAsync<int>("() => new Set([...document.querySelectorAll('.public-grid thead th')].slice(1).map(th => th.textContent.trim())).size");
        Assert.True(rooms > 1, "The demo day has one room only: nothing to check.");

        // Every card lies inside the screen (before, only the first room's column did) and says its room.
        var outside = await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('.public-grid .session-card')].filter(c => { const r = c.getBoundingClientRect(); return r.left < 0 || r.right > window.innerWidth + 1; }).map(c => c.querySelector('.session-title').textContent.trim())");
        Assert.True(outside.Length == 0, "Off the screen: " + string.Join("; ", outside));
        Assert.Equal(count, await page.Locator(".public-grid .session-card .room-when-narrow:visible").CountAsync());

        // In time order, top to bottom.
        var tops = await page.EvaluateAsync<double[]>("() => [...document.querySelectorAll('.public-grid .session-card')].map(c => c.getBoundingClientRect().top)");
        var starts = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('.public-grid .session-card .session-time time')].filter((t, i) => i % 2 === 0).map(t => t.getAttribute('datetime'))");
        Assert.Equal(tops.Length, starts.Length);
        Assert.Equal(tops.Order(), tops);
        Assert.Equal(starts.Order(StringComparer.Ordinal), starts);

        Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1"), "The schedule scrolls sideways.");
        await page.AssertNoSeriousViolationsAsync($"/2021/schedule at 390 px [{locale}]");

        // On a desktop the grid keeps its columns, and the room stays in the column heading.
        await page.SetViewportSizeAsync(1280, 900);
        Assert.Equal(0, await page.Locator(".public-grid .session-card .room-when-narrow:visible").CountAsync());
        Assert.True(await page.Locator(".public-grid thead").IsVisibleAsync());
    }
}
