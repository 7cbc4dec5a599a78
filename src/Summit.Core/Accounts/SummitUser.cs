using Microsoft.AspNetCore.Identity;

namespace Summit.Core.Accounts;

public sealed class SummitUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>The name in Chinese characters, if the person has one: a journalist's byline on Chinese pages.</summary>
    public string? DisplayNameZh { get; set; }

    /// <summary>"en" or "zh-Hans": the language of the emails this person gets.</summary>
    public string PreferredCulture { get; set; } = "en";

    public DateTimeOffset CreatedAt { get; set; }

    public bool IsDemo { get; set; }
}
