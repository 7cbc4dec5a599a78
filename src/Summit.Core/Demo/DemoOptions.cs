namespace Summit.Core.Demo;

/// <summary>The <c>Demo</c> section. <c>Demo:Seed</c> is true in Development and in the README's run command.</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    public bool Seed { get; set; }

    /// <summary>The password of every demo account; documented in the README, so never use demo accounts in production.</summary>
    public string AccountPassword { get; set; } = "summit-demo-2021";
}
