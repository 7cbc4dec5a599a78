namespace Summit.Core.Press;

/// <summary>A Press account that writes the article; authors (and editors) may edit it and see it before publication.</summary>
public sealed class ArticleAuthor
{
    private ArticleAuthor()
    {
    }

    internal ArticleAuthor(string userId, string name, string? nameZh = null)
    {
        UserId = userId;
        Name = name;
        var zh = nameZh?.Trim();
        NameZh = string.IsNullOrEmpty(zh) ? null : zh.Length > NameMaxLength ? zh[..NameMaxLength] : zh;
    }

    public int ArticleId { get; private set; }

    public string UserId { get; private set; } = "";

    public const int NameMaxLength = 200;

    /// <summary>The account's display name, or else the name given, cut to the column.</summary>
    public static string Byline(string? displayName, string fallback)
    {
        ArgumentNullException.ThrowIfNull(fallback);
        var name = string.IsNullOrWhiteSpace(displayName) ? fallback : displayName.Trim();
        return name.Length > NameMaxLength ? name[..NameMaxLength] : name;
    }

    /// <summary>The byline, as the author's account names them when they were added.</summary>
    public string Name { get; private set; } = "";

    /// <summary>The author's name in Chinese characters, from their account, when they have one.</summary>
    public string? NameZh { get; private set; }

    /// <summary>The byline as a page in that language shows it: its own script first, the other after ("严薇 Vivian Yan").</summary>
    public string Byline(bool chinese) => ArticleBylines.Both(Name, NameZh, chinese);
}
