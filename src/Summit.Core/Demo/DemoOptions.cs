namespace Summit.Core.Demo;

/// <summary>The <c>Demo</c> section. <c>Demo:Seed</c> is true in Development and in the README's run command.</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    public bool Seed { get; set; }

    /// <summary>The password of every demo account; documented in the README, so never use demo accounts in production.</summary>
    public string AccountPassword { get; set; } = "summit-demo-2021";

    /// <summary>
    /// Above 0, a size-test edition (<see cref="DemoScale"/>) is added at start: 10 is a large summit (600 sessions,
    /// 400 speakers, 20,000 registrations, 200 articles), 1 a tenth of that. For benchmarks; 0 by default.
    /// </summary>
    public int Scale { get; set; }
}
