namespace Summit.Core.Press;

/// <summary>A dated note shown on a published article changed after publication ("Corrected on 6 November: …").</summary>
public sealed class ArticleCorrection
{
    public const int NoteMaxLength = 500;

    private ArticleCorrection()
    {
    }

    internal ArticleCorrection(string note, string by, DateTimeOffset at)
    {
        Note = note;
        By = by;
        At = at;
    }

    public int Id { get; private set; }

    public int ArticleId { get; private set; }

    public string Note { get; private set; } = "";

    public string By { get; private set; } = "";

    public DateTimeOffset At { get; private set; }
}
