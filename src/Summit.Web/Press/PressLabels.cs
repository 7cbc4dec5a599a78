using Summit.Core.Press;

namespace Summit.Web.Press;

/// <summary>The English keys (localized through the shared resource) for article states, sign-off answers, history lines and kinds.</summary>
public static class PressLabels
{
    public static string Status(ArticleStatus status) => status switch
    {
        ArticleStatus.Draft => "Draft",
        ArticleStatus.QuoteReview => "With the speaker for sign-off",
        ArticleStatus.EditorReview => "Waiting for an editor",
        ArticleStatus.Scheduled => "Scheduled",
        ArticleStatus.Published => "Published",
        ArticleStatus.Unpublished => "Taken off the site",
        _ => "Held",
    };

    public static string SignOff(SignOffStatus status) => status switch
    {
        SignOffStatus.Requested => "sent to the speaker, no answer yet",
        SignOffStatus.Approved => "approved by the speaker",
        SignOffStatus.ChangesRequested => "changes asked by the speaker",
        _ => "not sent for sign-off",
    };

    public static string Kind(ArticleKind kind) => kind switch
    {
        ArticleKind.Interview => "Interview",
        ArticleKind.Report => "Report",
        _ => "Announcement",
    };

    public static string Event(ArticleEventKind kind) => kind switch
    {
        ArticleEventKind.Created => "Written",
        ArticleEventKind.Saved => "Saved",
        ArticleEventKind.Corrected => "Corrected after publication",
        ArticleEventKind.SignOffRequested => "Quotes sent to the speaker",
        ArticleEventKind.SignOffApproved => "Quotes approved by the speaker",
        ArticleEventKind.SignOffChangesRequested => "The speaker asked for changes",
        ArticleEventKind.Submitted => "Sent to the editors",
        ArticleEventKind.SentBack => "Sent back to the author",
        ArticleEventKind.Scheduled => "Scheduled",
        ArticleEventKind.SignOffOverridden => "Scheduled without the speaker's sign-off",
        ArticleEventKind.Published => "Published",
        ArticleEventKind.Unpublished => "Taken off the site",
        ArticleEventKind.Held => "Held: its session was cancelled",
        ArticleEventKind.Unscheduled => "Taken off the schedule: changed after scheduling",
        _ => "Revision restored",
    };

    /// <summary>The revision comparison's field names (<see cref="RevisionDiff"/>).</summary>
    public static readonly IReadOnlyList<string> Fields =
        [nameof(ArticleContent.HeadlineEn), nameof(ArticleContent.HeadlineZh), nameof(ArticleContent.DatelineEn), nameof(ArticleContent.DatelineZh), nameof(ArticleContent.LeadEn),
         nameof(ArticleContent.LeadZh), nameof(ArticleContent.BodyEn), nameof(ArticleContent.BodyZh), nameof(ArticleContent.QuotedPassages), nameof(ArticleContent.Tags), nameof(ArticleContent.Slug)];

    public static string Field(string field) => field switch
    {
        nameof(ArticleContent.HeadlineEn) => "Headline (English)",
        nameof(ArticleContent.HeadlineZh) => "Headline (Chinese)",
        nameof(ArticleContent.DatelineEn) => "Dateline (English)",
        nameof(ArticleContent.DatelineZh) => "Dateline (Chinese)",
        nameof(ArticleContent.LeadEn) => "Lead (English)",
        nameof(ArticleContent.LeadZh) => "Lead (Chinese)",
        nameof(ArticleContent.BodyEn) => "Text (English)",
        nameof(ArticleContent.BodyZh) => "Text (Chinese)",
        nameof(ArticleContent.QuotedPassages) => "Quoted passages",
        nameof(ArticleContent.Tags) => "Tags",
        _ => "Address",
    };
}
