namespace Summit.Core.Press;

public enum ArticleKind
{
    Interview,
    Report,
    Announcement,
}

/// <summary>
/// Where an article stands. Draft → (optional) QuoteReview → EditorReview → Scheduled → Published → Unpublished; a
/// Scheduled article whose session is cancelled is Held until an editor schedules it again.
/// </summary>
public enum ArticleStatus
{
    Draft,

    /// <summary>The quoted passages are with the interviewed speaker for sign-off.</summary>
    QuoteReview,

    /// <summary>Submitted by its author; waits for an editor.</summary>
    EditorReview,

    /// <summary>An editor set its publication time (fixed, or relative to a session); the publishing job publishes it.</summary>
    Scheduled,

    Published,

    /// <summary>Taken off the site by an editor after publication.</summary>
    Unpublished,

    /// <summary>Scheduled relative to a session that was cancelled or taken off the programme; its author was told.</summary>
    Held,
}

/// <summary>The interviewed speaker's answer on the quoted passages.</summary>
public enum SignOffStatus
{
    NotRequested,
    Requested,
    Approved,
    ChangesRequested,
}

/// <summary>Which end of a session a relative publication time counts from.</summary>
public enum SessionAnchor
{
    Start,
    End,
}

/// <summary>
/// A press article (interview, report, announcement) in English and/or Chinese, tied to an edition and to the speakers
/// and sessions it covers. Headline, lead and body are Markdown, rendered through <see cref="Text.RichText"/>. State
/// changes only through the transition classes of this namespace; <see cref="Revision"/> rises with every save, which
/// also keeps a copy (<see cref="ArticleRevision"/>).
/// </summary>
public sealed class Article
{
    public const int HeadlineMaxLength = 300;
    public const int LeadMaxLength = 2000;
    public const int BodyMaxLength = 100_000;
    public const int DatelineMaxLength = 100;
    public const int SlugMaxLength = 80;
    public const int SeoTitleMaxLength = 70;
    public const int SeoDescriptionMaxLength = 300;
    public const int QuotesMaxLength = 20_000;
    public const int CommentMaxLength = 2000;

    private Article()
    {
    }

    internal Article(int editionId, string createdBy, DateTimeOffset now)
    {
        EditionId = editionId;
        CreatedBy = createdBy;
        CreatedAt = now;
        UpdatedAt = now;
    }

    public int Id { get; private set; }

    public int EditionId { get; private set; }

    public ArticleKind Kind { get; private set; }

    /// <summary>The address under <c>/news/</c>; unique.</summary>
    public string Slug { get; private set; } = "";

    public ArticleStatus Status { get; private set; }

    public string? HeadlineEn { get; private set; }

    public string? HeadlineZh { get; private set; }

    public string? LeadEn { get; private set; }

    public string? LeadZh { get; private set; }

    public string? BodyEn { get; private set; }

    public string? BodyZh { get; private set; }

    /// <summary>The city the report is filed from ("Chongqing"), printed before the lead.</summary>
    public string? DatelineEn { get; private set; }

    public string? DatelineZh { get; private set; }

    public string? SeoTitle { get; private set; }

    public string? SeoDescription { get; private set; }

    /// <summary>
    /// The passages in quotation marks in the texts (<see cref="ArticleQuotes"/>), one a paragraph: what the speaker
    /// signs off. Derived on every save, never typed, so the sign-off is of the words as published.
    /// </summary>
    public string? QuotedPassages { get; private set; }

    public SignOffStatus SignOff { get; private set; }

    /// <summary>The speaker asked to sign off (one of the speakers covered).</summary>
    public int? SignOffSpeakerId { get; private set; }

    /// <summary>SHA-256 of the single-use link's token while a sign-off is requested; null once answered.</summary>
    public string? SignOffTokenHash { get; private set; }

    public DateTimeOffset? SignOffRequestedAt { get; private set; }

    public DateTimeOffset? SignOffAnsweredAt { get; private set; }

    /// <summary>The speaker's comment with the answer (what to change).</summary>
    public string? SignOffComment { get; private set; }

    /// <summary>The editor who scheduled the article without the speaker's sign-off, recorded with the time.</summary>
    public string? SignOffOverriddenBy { get; private set; }

    public DateTimeOffset? SignOffOverriddenAt { get; private set; }

    /// <summary>When the publishing job publishes it; for a time relative to a session, recomputed with each programme version.</summary>
    public DateTimeOffset? PublishAt { get; private set; }

    public int? PublishSessionId { get; private set; }

    public SessionAnchor? PublishAnchor { get; private set; }

    /// <summary>Minutes after (or, negative, before) the anchor.</summary>
    public int? PublishOffsetMinutes { get; private set; }

    public string? ScheduledBy { get; private set; }

    /// <summary>The date the article carries: its first publication.</summary>
    public DateTimeOffset? FirstPublishedAt { get; private set; }

    public DateTimeOffset? PublishedAt { get; private set; }

    /// <summary>Why a scheduled article is held (its session was cancelled), or why it was unpublished.</summary>
    public string? StatusNote { get; private set; }

    /// <summary>Rises with every save (and numbers its <see cref="ArticleRevision"/>); a save based on an older one is refused.</summary>
    public int Revision { get; private set; }

    /// <summary>
    /// New with every change of the row, by a tracked save or a single-statement update (a sign-off answer, the
    /// publishing job): the concurrency token, so a change based on what another one replaced fails instead of
    /// overwriting it.
    /// </summary>
    public string ConcurrencyStamp { get; private set; } = NewStamp();

    public string CreatedBy { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public ICollection<ArticleAuthor> Authors { get; private set; } = [];

    public ICollection<ArticleContributor> Contributors { get; private set; } = [];

    public ICollection<ArticleTag> Tags { get; private set; } = [];

    public ICollection<ArticleSpeaker> Speakers { get; private set; } = [];

    public ICollection<ArticleSession> Sessions { get; private set; } = [];

    public ICollection<ArticleCorrection> Corrections { get; private set; } = [];

    public ICollection<ArticlePhoto> Photos { get; private set; } = [];

    /// <summary>The image for sharing: the one chosen for it, or the cover.</summary>
    public ArticlePhoto? SocialImage => Photos.FirstOrDefault(p => p.IsSocial) ?? Photos.FirstOrDefault(p => p.IsCover);

    public string? Headline(bool chinese) => chinese ? HeadlineZh ?? HeadlineEn : HeadlineEn ?? HeadlineZh;

    /// <summary>
    /// Whether publishing needs the speaker's sign-off (or an editor's recorded override): an article about a speaker
    /// that quotes, or an interview of a speaker.
    /// </summary>
    public bool NeedsSignOff(bool coversSpeakers) => coversSpeakers && (!string.IsNullOrWhiteSpace(QuotedPassages) || Kind == ArticleKind.Interview);

    internal void Apply(ArticleContent content, DateTimeOffset now)
    {
        Kind = content.Kind;
        Slug = content.Slug!.Trim();
        HeadlineEn = Clean(content.HeadlineEn);
        HeadlineZh = Clean(content.HeadlineZh);
        LeadEn = Clean(content.LeadEn);
        LeadZh = Clean(content.LeadZh);
        BodyEn = Clean(content.BodyEn);
        BodyZh = Clean(content.BodyZh);
        DatelineEn = Clean(content.DatelineEn);
        DatelineZh = Clean(content.DatelineZh);
        SeoTitle = Clean(content.SeoTitle);
        SeoDescription = Clean(content.SeoDescription);
        // The quotes come from the texts as they will be published, not from a field of their own (issue 18): change
        // a quoted word in either language and the speaker's answer no longer stands. Past the column's length the
        // kept text ends with the SHA-256 of the whole, so a change beyond it still differs.
        var quotes = ArticleQuotes.Snapshot(BodyEn, BodyZh);
        if (quotes is { Length: > QuotesMaxLength })
        {
            var whole = "\n\n[…] SHA-256 " + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(quotes)));
            quotes = quotes[..(QuotesMaxLength - whole.Length)] + whole;
        }
        if (quotes != QuotedPassages && (SignOff != SignOffStatus.NotRequested || SignOffOverriddenBy is not null))
        {
            // The speaker signed off (or is reading) other words: the answer no longer stands.
            ResetSignOff();
        }

        QuotedPassages = quotes;
        Revision++;
        Touch(now);
    }

    internal void MoveTo(ArticleStatus status, DateTimeOffset now, string? note = null)
    {
        Status = status;
        StatusNote = note;
        Touch(now);
    }

    internal void RequestSignOff(int speakerId, string tokenHash, DateTimeOffset now)
    {
        SignOff = SignOffStatus.Requested;
        SignOffSpeakerId = speakerId;
        SignOffTokenHash = tokenHash;
        SignOffRequestedAt = now;
        SignOffAnsweredAt = null;
        SignOffComment = null;
        Status = ArticleStatus.QuoteReview;
        Touch(now);
    }

    internal void Schedule(DateTimeOffset publishAt, int? sessionId, SessionAnchor? anchor, int? offsetMinutes, string editor, bool overrideSignOff, DateTimeOffset now)
    {
        PublishAt = publishAt;
        PublishSessionId = sessionId;
        PublishAnchor = anchor;
        PublishOffsetMinutes = offsetMinutes;
        ScheduledBy = editor;
        if (overrideSignOff)
        {
            SignOffOverriddenBy = editor;
            SignOffOverriddenAt = now;
            // The editor decided without the speaker: a link still out no longer answers anything.
            SignOffTokenHash = null;
        }

        MoveTo(ArticleStatus.Scheduled, now);
    }

    internal void Reschedule(DateTimeOffset publishAt, DateTimeOffset now)
    {
        PublishAt = publishAt;
        Touch(now);
    }

    public static string NewStamp() => Guid.NewGuid().ToString("N");

    internal void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        ConcurrencyStamp = NewStamp();
    }

    /// <summary>For the demo edition's seeded report: signed off and published at a given past time, with no job or email.</summary>
    internal void RecordPublishedReport(int speakerId, DateTimeOffset publishedAt)
    {
        SignOff = SignOffStatus.Approved;
        SignOffSpeakerId = speakerId;
        SignOffRequestedAt = SignOffAnsweredAt = publishedAt.AddDays(-1);
        PublishAt = PublishedAt = FirstPublishedAt = publishedAt;
        Status = ArticleStatus.Published;
    }

    /// <summary>An editor's correction of a published article's quotes: it stands without the speaker, recorded.</summary>
    internal void OverrideSignOff(string editor, DateTimeOffset now)
    {
        SignOffOverriddenBy = editor;
        SignOffOverriddenAt = now;
    }

    private void ResetSignOff()
    {
        // An override was for the old quotes too.
        SignOffOverriddenBy = null;
        SignOffOverriddenAt = null;
        SignOff = SignOffStatus.NotRequested;
        SignOffTokenHash = null;
        SignOffAnsweredAt = null;
        SignOffComment = null;
        // Back to where the words are worked on: a scheduled article does not go out with unapproved quotes.
        Status = Status switch
        {
            ArticleStatus.QuoteReview => ArticleStatus.Draft,
            ArticleStatus.Scheduled => ArticleStatus.EditorReview,
            _ => Status,
        };
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim().Replace("\r\n", "\n", StringComparison.Ordinal);
}
