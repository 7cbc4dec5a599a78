namespace Summit.Core.Press;

/// <summary>A copy of an article's words as one save left them: view, compare, restore.</summary>
public sealed class ArticleRevision
{
    private ArticleRevision()
    {
    }

    internal ArticleRevision(int articleId, int number, string snapshot, string savedBy, DateTimeOffset savedAt, string? note, int? restoredFrom)
    {
        ArticleId = articleId;
        Number = number;
        Snapshot = snapshot;
        SavedBy = savedBy;
        SavedAt = savedAt;
        Note = note;
        RestoredFrom = restoredFrom;
    }

    public long Id { get; private set; }

    public int ArticleId { get; private set; }

    /// <summary>The article's <see cref="Article.Revision"/> this save made.</summary>
    public int Number { get; private set; }

    /// <summary>The <see cref="ArticleContent"/> saved, as JSON.</summary>
    public string Snapshot { get; private set; } = "";

    public string SavedBy { get; private set; } = "";

    public DateTimeOffset SavedAt { get; private set; }

    /// <summary>The correction's note, for a change after publication.</summary>
    public string? Note { get; private set; }

    /// <summary>The revision this save brought back, when it was a restore.</summary>
    public int? RestoredFrom { get; private set; }
}
