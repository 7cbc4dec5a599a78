namespace Summit.Core.Press;

/// <summary>
/// A photo of an article, with its caption and its credit as data: the cover (shown under the headline), or an inline
/// photo placed in the body by a line <c>[photo 2]</c>.
/// </summary>
public sealed class ArticlePhoto
{
    public const int CaptionMaxLength = 500;

    private ArticlePhoto()
    {
    }

    internal ArticlePhoto(int articleId, int number, string key, int width, int height, string? captionEn, string? captionZh, string credit, bool isCover, string uploadedBy, DateTimeOffset now)
    {
        ArticleId = articleId;
        Number = number;
        Key = key;
        Width = width;
        Height = height;
        CaptionEn = captionEn;
        CaptionZh = captionZh;
        Credit = credit;
        IsCover = isCover;
        UploadedBy = uploadedBy;
        UploadedAt = now;
    }

    public int Id { get; private set; }

    public int ArticleId { get; private set; }

    /// <summary>1, 2, 3… within the article: what <c>[photo N]</c> in the body refers to.</summary>
    public int Number { get; private set; }

    /// <summary>Random hex naming the files (see <see cref="Photos.IPhotoStore"/>).</summary>
    public string Key { get; private set; } = "";

    public int Width { get; private set; }

    public int Height { get; private set; }

    public string? CaptionEn { get; private set; }

    public string? CaptionZh { get; private set; }

    /// <summary>"iChongqing / Vivian Yan", printed with the caption.</summary>
    public string Credit { get; private set; } = "";

    public bool IsCover { get; private set; }

    /// <summary>The image shown when the article is shared (OpenGraph, Twitter); without one, the cover.</summary>
    public bool IsSocial { get; private set; }

    public string UploadedBy { get; private set; } = "";

    public DateTimeOffset UploadedAt { get; private set; }

    public string? Caption(bool chinese) => chinese ? CaptionZh ?? CaptionEn : CaptionEn ?? CaptionZh;

    internal void MakeCover(bool cover) => IsCover = cover;

    internal void MakeSocial(bool social) => IsSocial = social;
}
