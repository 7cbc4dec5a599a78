using Microsoft.EntityFrameworkCore;
using Summit.Core.Data;
using Summit.Core.Editions;
using Summit.Core.Text;

namespace Summit.Core.Press;

/// <summary>An author hands a draft to the editors.</summary>
public sealed class SubmitArticle(SummitDbContext db, TimeProvider clock)
{
    public async Task<ArticleOutcome> RunAsync(ArticleActor actor, int articleId, string? expectedStamp = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var (article, refusal) = await ArticleRules.OpenAsync(db, articleId, actor, editorsOnly: false, expectedStamp, cancellationToken).ConfigureAwait(false);
        if (article is null)
        {
            return new(null, [refusal!]);
        }

        if (article.Status != ArticleStatus.Draft)
        {
            return new(null, [ArticleRules.WrongState()]);
        }

        var now = clock.GetUtcNow();
        article.MoveTo(ArticleStatus.EditorReview, now);
        ArticleRules.Record(db, article, ArticleEventKind.Submitted, actor.Email, null, now);
        return await ArticleTransitions.SaveAsync(db, article, cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>An editor sends an article back to its author with a comment (from review, or taken off the schedule).</summary>
public sealed class SendBackArticle(SummitDbContext db, TimeProvider clock)
{
    public static class Reasons
    {
        public const string CommentRequired = "Say what the author should change.";
    }

    public async Task<ArticleOutcome> RunAsync(ArticleActor actor, int articleId, string? comment, string? expectedStamp = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var (article, refusal) = await ArticleRules.OpenAsync(db, articleId, actor, editorsOnly: true, expectedStamp, cancellationToken).ConfigureAwait(false);
        if (article is null)
        {
            return new(null, [refusal!]);
        }

        if (article.Status is not (ArticleStatus.EditorReview or ArticleStatus.Scheduled or ArticleStatus.Held))
        {
            return new(null, [ArticleRules.WrongState()]);
        }

        if (string.IsNullOrWhiteSpace(comment) || comment.Trim().Length > Article.CommentMaxLength || Texts.HasControlCharacters(comment))
        {
            return ArticleOutcome.Refused(Reasons.CommentRequired, "Comment");
        }

        var now = clock.GetUtcNow();
        article.MoveTo(ArticleStatus.Draft, now, comment.Trim());
        ArticleRules.Record(db, article, ArticleEventKind.SentBack, actor.Email, comment.Trim(), now);
        return await ArticleTransitions.SaveAsync(db, article, cancellationToken).ConfigureAwait(false);
    }
}

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
        var (article, refusal) = await ArticleRules.OpenAsync(db, articleId, actor, editorsOnly: true, expectedStamp, cancellationToken).ConfigureAwait(false);
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

            var session = await ArticleTransitions.PublishedSessionAsync(db, article.EditionId, sessionId, cancellationToken).ConfigureAwait(false);
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
        return await ArticleTransitions.SaveAsync(db, article, cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>An editor takes a published article off the site, with the reason.</summary>
public sealed class UnpublishArticle(SummitDbContext db, TimeProvider clock)
{
    public static class Reasons
    {
        public const string ReasonRequired = "Say why the article is taken off the site.";
    }

    public async Task<ArticleOutcome> RunAsync(ArticleActor actor, int articleId, string? reason, string? expectedStamp = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var (article, refusal) = await ArticleRules.OpenAsync(db, articleId, actor, editorsOnly: true, expectedStamp, cancellationToken).ConfigureAwait(false);
        if (article is null)
        {
            return new(null, [refusal!]);
        }

        if (article.Status != ArticleStatus.Published)
        {
            return new(null, [ArticleRules.WrongState()]);
        }

        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > Article.CommentMaxLength || Texts.HasControlCharacters(reason))
        {
            return ArticleOutcome.Refused(Reasons.ReasonRequired, "Reason");
        }

        var now = clock.GetUtcNow();
        article.MoveTo(ArticleStatus.Unpublished, now, reason.Trim());
        ArticleRules.Record(db, article, ArticleEventKind.Unpublished, actor.Email, reason.Trim(), now);
        return await ArticleTransitions.SaveAsync(db, article, cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>Brings back an earlier revision's words as a new save (itself a revision; a correction if published).</summary>
public sealed class RestoreArticleRevision(SummitDbContext db, SaveArticle save)
{
    public static class Reasons
    {
        public const string RevisionNotFound = "This revision does not exist.";
    }

    public async Task<ArticleOutcome> RunAsync(ArticleActor actor, int articleId, int number, int? expectedRevision = null, string? correctionNote = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var article = await db.Articles.AsNoTracking().Include(a => a.Authors).FirstOrDefaultAsync(a => a.Id == articleId, cancellationToken).ConfigureAwait(false);
        if (article is null || !ArticleRules.MaySee(article, actor))
        {
            return ArticleOutcome.Refused(ArticleRules.Reasons.NotFound);
        }

        var revision = await db.ArticleRevisions.AsNoTracking().FirstOrDefaultAsync(r => r.ArticleId == articleId && r.Number == number, cancellationToken).ConfigureAwait(false);
        if (revision is null || ArticleRules.ReadSnapshot(revision.Snapshot) is not { } content)
        {
            return ArticleOutcome.Refused(Reasons.RevisionNotFound);
        }

        return await save.RunAsync(actor, article.EditionId, articleId, content, expectedRevision, correctionNote, number, cancellationToken).ConfigureAwait(false);
    }
}

internal static class ArticleTransitions
{
    public static async Task<ArticleOutcome> SaveAsync(SummitDbContext db, Article article, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return new(article.Id, []);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return ArticleOutcome.Refused(ArticleRules.Reasons.Stale);
        }
    }

    /// <summary>A session as the latest published version of its edition has it; null if it is not in it.</summary>
    public static async Task<Scheduling.PublishedSession?> PublishedSessionAsync(SummitDbContext db, int editionId, int sessionId, CancellationToken cancellationToken)
    {
        var version = await db.ScheduleVersions.Where(v => v.EditionId == editionId).OrderByDescending(v => v.Number).Select(v => (int?)v.Id).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return version is null ? null : await db.PublishedSessions.AsNoTracking().FirstOrDefaultAsync(s => s.VersionId == version && s.SessionId == sessionId, cancellationToken).ConfigureAwait(false);
    }

    public static DateTimeOffset TimeAfter(DateTimeOffset startsAt, DateTimeOffset endsAt, SessionAnchor anchor, int offsetMinutes) =>
        (anchor == SessionAnchor.Start ? startsAt : endsAt).ToUniversalTime().AddMinutes(offsetMinutes);
}

/// <summary>
/// An article's authors: any author or editor adds another Press account (or a Press editor) by email as co-author,
/// or removes one; the last author stays. Authors are the byline, and they (with the editors) see the drafts.
/// </summary>
public sealed class ChangeArticleAuthors(SummitDbContext db, TimeProvider clock)
{
    public static class Reasons
    {
        public const string NotPress = "No Press account has this email address.";
        public const string AlreadyAuthor = "This person is already an author of the article.";
        public const string LastAuthor = "An article keeps at least one author.";
        public const string NotAuthor = "This person is not an author of the article.";
    }

    public async Task<ArticleOutcome> AddAsync(ArticleActor actor, int articleId, string? email, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var (article, refusal) = await ArticleRules.OpenAsync(db, articleId, actor, editorsOnly: false, null, cancellationToken).ConfigureAwait(false);
        if (article is null)
        {
            return new(null, [refusal!]);
        }

        var normalized = (email ?? "").Trim().ToUpperInvariant();
        var pressRoles = new[] { Accounts.Roles.Press, Accounts.Roles.Editor };
        var user = normalized.Length == 0 ? null : await db.Users.AsNoTracking()
            .Where(u => u.NormalizedEmail == normalized && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && pressRoles.Contains(r.Name!))))
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (user is null)
        {
            return ArticleOutcome.Refused(Reasons.NotPress, "Email");
        }

        if (article.Authors.Any(a => a.UserId == user.Id))
        {
            return ArticleOutcome.Refused(Reasons.AlreadyAuthor, "Email");
        }

        if (ArticleRules.BeforeChange(db, article, actor, clock.GetUtcNow()) is { } locked)
        {
            return new(null, [locked]);
        }

        article.Authors.Add(new ArticleAuthor(user.Id, ArticleAuthor.Byline(user.DisplayName, user.Email!.Split('@')[0])));
        ArticleRules.Record(db, article, ArticleEventKind.Saved, actor.Email, $"+ {user.Email}", clock.GetUtcNow());
        return await ArticleTransitions.SaveAsync(db, article, cancellationToken).ConfigureAwait(false);
    }

    public async Task<ArticleOutcome> RemoveAsync(ArticleActor actor, int articleId, string userId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var (article, refusal) = await ArticleRules.OpenAsync(db, articleId, actor, editorsOnly: false, null, cancellationToken).ConfigureAwait(false);
        if (article is null)
        {
            return new(null, [refusal!]);
        }

        var author = article.Authors.FirstOrDefault(a => a.UserId == userId);
        if (author is null)
        {
            return ArticleOutcome.Refused(Reasons.NotAuthor);
        }

        if (article.Authors.Count == 1)
        {
            return ArticleOutcome.Refused(Reasons.LastAuthor);
        }

        if (ArticleRules.BeforeChange(db, article, actor, clock.GetUtcNow()) is { } locked)
        {
            return new(null, [locked]);
        }

        article.Authors.Remove(author);
        ArticleRules.Record(db, article, ArticleEventKind.Saved, actor.Email, $"− {author.Name}", clock.GetUtcNow());
        return await ArticleTransitions.SaveAsync(db, article, cancellationToken).ConfigureAwait(false);
    }
}
