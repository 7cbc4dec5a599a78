using Summit.Core.Data;
using Summit.Core.Editions;

namespace Summit.Core.Press;

/// <summary>When to publish: at a fixed time, or minutes after (or before) a session's start or end.</summary>
public sealed record PublishTime(DateTimeOffset? At, int? SessionId = null, SessionAnchor Anchor = SessionAnchor.End, int OffsetMinutes = 0);

/// <summary>
/// An editor schedules an article: at a fixed time (now or past: the publishing job takes it at its next run), or
/// relative to a session of the published programme, which it then follows when the session moves. Articles that
/// quote a speaker need the speaker's sign-off, or the editor's explicit override, which is recorded.
/// </summary>
public sealed class ScheduleArticle(SummitDbContext db, TimeProvider clock)
{
    public const int MinOffsetMinutes = -24 * 60;
    public const int MaxOffsetMinutes = 7 * 24 * 60;

    public static class Reasons
    {
        public const string SignOffMissing = "The interviewed speaker has not signed off the quotes. Wait for the answer, or publish anyway as editor (this is recorded).";
        public const string TimeRequired = "Choose a publication time, or a session to publish after.";
        public const string SessionNotPublished = "This session is not in the published programme of the article's edition.";
        public const string SessionCancelled = "This session is cancelled: choose a fixed time or another session.";
        public const string OffsetRange = "Choose an offset between one day before and seven days after the session.";
    }

    public async Task<ArticleOutcome> RunAsync(ArticleActor actor, int articleId, PublishTime time, bool overrideSignOff = false, string? expectedStamp = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(time);
        var (article, refusal) = await ArticleRules.OpenAsync(db, articleId, actor, editorsOnly: true, expectedStamp, cancellationToken);
        if (article is null)
        {
            return new(null, [refusal!]);
        }

        var waitingForSpeaker = article.Status == ArticleStatus.QuoteReview;
        if (article.Status is ArticleStatus.Published || (waitingForSpeaker && !overrideSignOff))
        {
            return new(null, waitingForSpeaker ? [new Refusal("", Reasons.SignOffMissing)] : [ArticleRules.WrongState()]);
        }

        var signedOff = !article.NeedsSignOff(article.Speakers.Count > 0) || article.SignOff == SignOffStatus.Approved;
        if (!signedOff && !overrideSignOff)
        {
            return ArticleOutcome.Refused(Reasons.SignOffMissing);
        }

        DateTimeOffset publishAt;
        if (time.SessionId is int sessionId)
        {
            if (time.OffsetMinutes is < MinOffsetMinutes or > MaxOffsetMinutes || !Enum.IsDefined(time.Anchor))
            {
                return ArticleOutcome.Refused(Reasons.OffsetRange, "OffsetMinutes");
            }

            var session = await ArticleTransitions.PublishedSessionAsync(db, article.EditionId, sessionId, cancellationToken);
            if (session is null)
            {
                return ArticleOutcome.Refused(Reasons.SessionNotPublished, "SessionId");
            }

            if (session.IsCancelled)
            {
                return ArticleOutcome.Refused(Reasons.SessionCancelled, "SessionId");
            }

            publishAt = ArticleTransitions.TimeAfter(session.StartsAt, session.EndsAt, time.Anchor, time.OffsetMinutes);
        }
        else if (time.At is DateTimeOffset at)
        {
            publishAt = at.ToUniversalTime();
        }
        else
        {
            return ArticleOutcome.Refused(Reasons.TimeRequired, "At");
        }

        var now = clock.GetUtcNow();
        var relative = time.SessionId is not null;
        article.Schedule(publishAt, time.SessionId, relative ? time.Anchor : null, relative ? time.OffsetMinutes : null, actor.Email, overrideSignOff && !signedOff, now);
        if (overrideSignOff && !signedOff)
        {
            ArticleRules.Record(db, article, ArticleEventKind.SignOffOverridden, actor.Email, article.SignOff.ToString(), now);
        }

        ArticleRules.Record(db, article, ArticleEventKind.Scheduled, actor.Email, relative ? $"session:{time.SessionId} {time.Anchor} {time.OffsetMinutes:+0;-0;0} min → {publishAt:O}" : $"{publishAt:O}", now);
        return await ArticleTransitions.SaveAsync(db, article, cancellationToken);
    }
}
