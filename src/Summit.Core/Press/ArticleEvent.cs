namespace Summit.Core.Press;

public enum ArticleEventKind
{
    Created,
    Saved,
    Corrected,
    SignOffRequested,
    SignOffApproved,
    SignOffChangesRequested,
    Submitted,
    SentBack,
    Scheduled,
    SignOffOverridden,
    Published,
    Unpublished,
    Held,
    Restored,

    /// <summary>Taken off the schedule because its words or quotes changed after an editor scheduled it.</summary>
    Unscheduled,
}

/// <summary>The article's history: who did what, when (the editor sees the sign-off's outcome and any override here).</summary>
public sealed class ArticleEvent
{
    public const int DetailMaxLength = 2000;

    private ArticleEvent()
    {
    }

    internal ArticleEvent(int articleId, ArticleEventKind kind, string? by, string? detail, DateTimeOffset at)
    {
        ArticleId = articleId;
        Kind = kind;
        By = by;
        Detail = detail is { Length: > DetailMaxLength } ? detail[..DetailMaxLength] : detail;
        At = at;
    }

    public long Id { get; private set; }

    public int ArticleId { get; private set; }

    public ArticleEventKind Kind { get; private set; }

    /// <summary>The account (email) or, for the speaker's link, "speaker:{id}"; null for the publishing job.</summary>
    public string? By { get; private set; }

    public string? Detail { get; private set; }

    public DateTimeOffset At { get; private set; }
}
