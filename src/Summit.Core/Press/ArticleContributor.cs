namespace Summit.Core.Press;

/// <summary>Someone credited in the contributor line ("Zhang Yue, as an intern, also contributed to this report").</summary>
public sealed class ArticleContributor
{
    public const int NameMaxLength = 100;
    public const int RoleMaxLength = 100;

    private ArticleContributor()
    {
    }

    internal ArticleContributor(int order, string name, string? role, string? nameZh = null, string? roleZh = null)
    {
        Order = order;
        Name = name;
        Role = role;
        NameZh = nameZh;
        RoleZh = roleZh;
    }

    public int Id { get; private set; }

    public int ArticleId { get; private set; }

    public int Order { get; private set; }

    public string Name { get; private set; } = "";

    /// <summary>"as an intern"; null for a plain credit.</summary>
    public string? Role { get; private set; }

    /// <summary>The name in Chinese characters, if given ("张悦").</summary>
    public string? NameZh { get; private set; }

    /// <summary>The role in Chinese ("实习生"); the Chinese page falls back to <see cref="Role"/>.</summary>
    public string? RoleZh { get; private set; }

    public string Byline(bool chinese) => ArticleBylines.Both(Name, NameZh, chinese);

    public string? RoleIn(bool chinese) => chinese ? RoleZh ?? Role : Role ?? RoleZh;
}
