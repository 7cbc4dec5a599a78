namespace Summit.Core.Press;

public sealed class ArticleTag
{
    public const int MaxLength = 40;

    private ArticleTag()
    {
    }

    internal ArticleTag(string tag) => Tag = tag;

    public int ArticleId { get; private set; }

    /// <summary>Lower case, as typed otherwise ("green finance", "碳中和").</summary>
    public string Tag { get; private set; } = "";
}
