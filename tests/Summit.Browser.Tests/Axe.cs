using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Summit.Browser.Tests;

/// <summary>axe-core on a page as the tests use it: every rule, only the serious and critical violations reported.</summary>
public static class Axe
{
    /// <summary>
    /// Every rule runs; axe gathers the nodes of its violations only, not of the passes and the rules that did not
    /// apply, which the tests never read (about a third of a run's time on the demo's pages, docs/performance.md).
    /// </summary>
    private static readonly AxeRunOptions ViolationsOnly = new() { ResultTypes = [ResultType.Violations] };

    /// <summary>"rule (impact): help — the first nodes" for each serious or critical violation; empty when the page is clean.</summary>
    private static async Task<IReadOnlyList<string>> SeriousViolationsAsync(this IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var result = await page.RunAxe(ViolationsOnly);
        return [.. result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(" | ", v.Nodes.Select(n => n.Html).Take(3))}")];
    }

    /// <summary>Fails the test with the violations when <paramref name="page"/> has a serious or critical one.</summary>
    public static async Task AssertNoSeriousViolationsAsync(this IPage page, string what)
    {
        var serious = await page.SeriousViolationsAsync();
        Assert.True(serious.Count == 0, $"{what}:\n" + string.Join("\n", serious));
    }
}
