using Microsoft.EntityFrameworkCore;
using Summit.Core.Data;

namespace Summit.Core.Press;

/// <summary>
/// What the speaker's link shows: the article's headline and the passages to sign off, each in its paragraph of the
/// text (<see cref="Quotes"/>), or why it cannot be used.
/// </summary>
public sealed record SignOffView(bool Usable, int ArticleId, string? HeadlineEn, string? HeadlineZh, string? QuotedPassages, int? SpeakerId, IReadOnlyList<QuotedPassage> Quotes);

/// <summary>
/// The interviewed speaker answers on the quoted passages, through the emailed single-use link or from their own
/// account: approved (the article goes to the editors) or changes asked for with a comment (back to its author).
/// The answer is taken with one conditional update, so the link works once even if opened twice at the same moment.
/// </summary>
public sealed class AnswerSignOff(SummitDbContext db, ArticleEvents events, TimeProvider clock)
{
    public static class Reasons
    {
        public const string NotUsable = "This link cannot be used: it is unknown, already answered, or replaced by a newer request.";
        public const string CommentRequired = "Say what should change, so the author can correct it.";
        public const string CommentTooLong = "Keep the comment under 2,000 characters.";
    }

    public async Task<SignOffView> ViewAsync(string? token, CancellationToken cancellationToken = default)
    {
        var hash = ArticleRules.Hash(token ?? "");
        var article = string.IsNullOrEmpty(token) ? null : await db.Articles.AsNoTracking()
            .FirstOrDefaultAsync(a => a.SignOffTokenHash == hash && a.SignOff == SignOffStatus.Requested, cancellationToken);
        return article is null
            ? new(false, 0, null, null, null, null, [])
            : new(true, article.Id, article.HeadlineEn, article.HeadlineZh, article.QuotedPassages, article.SignOffSpeakerId, ArticleQuotes.From(article.BodyEn, article.BodyZh));
    }

    /// <summary>The articles waiting for this account's speaker to sign off.</summary>
    public Task<List<Article>> WaitingForAsync(string userId, CancellationToken cancellationToken = default) =>
        db.Articles.AsNoTracking()
            .Where(a => a.SignOff == SignOffStatus.Requested && a.SignOffTokenHash != null && db.Speakers.Any(s => s.Id == a.SignOffSpeakerId && s.UserId == userId))
            .OrderBy(a => a.SignOffRequestedAt).ToListAsync(cancellationToken);

    public async Task<ArticleOutcome> RunAsync(string? token, bool approve, string? comment, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(token))
        {
            return ArticleOutcome.Refused(Reasons.NotUsable);
        }

        var hash = ArticleRules.Hash(token);
        var id = await db.Articles.Where(a => a.SignOffTokenHash == hash && a.SignOff == SignOffStatus.Requested).Select(a => (int?)a.Id).FirstOrDefaultAsync(cancellationToken);
        return id is int articleId
            ? await AnswerAsync(articleId, hash, null, approve, comment, cancellationToken)
            : ArticleOutcome.Refused(Reasons.NotUsable);
    }

    /// <summary>The speaker answers signed in: the request must be addressed to the speaker this account looks after.</summary>
    public async Task<ArticleOutcome> RunForAccountAsync(string userId, int articleId, bool approve, string? comment, CancellationToken cancellationToken = default)
    {
        var speakerId = await db.Speakers.Where(s => s.UserId == userId).Select(s => (int?)s.Id).FirstOrDefaultAsync(cancellationToken);
        var hash = await db.Articles.Where(a => a.Id == articleId && a.SignOff == SignOffStatus.Requested && speakerId != null && a.SignOffSpeakerId == speakerId)
            .Select(a => a.SignOffTokenHash).FirstOrDefaultAsync(cancellationToken);
        return hash is null
            ? ArticleOutcome.Refused(Reasons.NotUsable)
            : await AnswerAsync(articleId, hash, userId, approve, comment, cancellationToken);
    }

    private async Task<ArticleOutcome> AnswerAsync(int articleId, string hash, string? userId, bool approve, string? comment, CancellationToken cancellationToken)
    {
        var text = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        if (!approve && text is null)
        {
            return ArticleOutcome.Refused(Reasons.CommentRequired, "Comment");
        }

        if (text is not null && (text.Length > Article.CommentMaxLength || Texts.HasControlCharacters(text)))
        {
            return ArticleOutcome.Refused(Reasons.CommentTooLong, "Comment");
        }

        var now = clock.GetUtcNow();
        var stamp = Article.NewStamp();
        var (signOff, status) = approve ? (SignOffStatus.Approved, ArticleStatus.EditorReview) : (SignOffStatus.ChangesRequested, ArticleStatus.Draft);
        // The answer, its history line and the authors' email commit together (decision 0014).
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var claimed = await db.Articles
            .Where(a => a.Id == articleId && a.SignOff == SignOffStatus.Requested && a.SignOffTokenHash == hash)
            .ExecuteUpdateAsync(s => s
                .SetProperty(a => a.SignOff, signOff)
                .SetProperty(a => a.Status, a => a.Status == ArticleStatus.QuoteReview ? status : a.Status)
                .SetProperty(a => a.SignOffTokenHash, (string?)null)
                .SetProperty(a => a.SignOffAnsweredAt, now)
                .SetProperty(a => a.SignOffComment, text)
                .SetProperty(a => a.UpdatedAt, now)
                .SetProperty(a => a.ConcurrencyStamp, stamp), cancellationToken);
        if (claimed == 0)
        {
            return ArticleOutcome.Refused(Reasons.NotUsable);
        }

        var answered = await db.Articles.Where(a => a.Id == articleId).Select(a => new { a.SignOffSpeakerId, a.EditionId, a.Status }).FirstAsync(cancellationToken);
        var speakerId = answered.SignOffSpeakerId;
        Audit.AuditLog.Record(db, now, Audit.AuditedTypes.Article, articleId, answered.EditionId, "changed", null, Audit.AuditLog.Change("SignOff", SignOffStatus.Requested, signOff), Audit.AuditLog.Change("SignOffComment", null, text));
        db.ArticleEvents.Add(new ArticleEvent(articleId, approve ? ArticleEventKind.SignOffApproved : ArticleEventKind.SignOffChangesRequested, userId is null ? $"speaker:{speakerId} (link)" : $"speaker:{speakerId}", text, now));
        events.Record(new SignOffAnswered(articleId, approve, text));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new(articleId, []);
    }
}
