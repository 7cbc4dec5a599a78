namespace Summit.Core.Press;

/// <summary>Someone credited in the contributor line ("Zhang Yue, as an intern, also contributed to this report").</summary>
public sealed class ArticleContributor
{
    public const int NameMaxLength = 100;
    public const int RoleMaxLength = 100;

    private ArticleContributor()
    {
    }

    internal ArticleContributor(int order, string name, string? role)
    {
        Order = order;
        Name = name;
        Role = role;
    }

    public int Id { get; private set; }

    public int ArticleId { get; private set; }

    public int Order { get; private set; }

    public string Name { get; private set; } = "";

    /// <summary>"as an intern"; null for a plain credit.</summary>
    public string? Role { get; private set; }
}
