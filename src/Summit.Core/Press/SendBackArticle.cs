using Summit.Core.Data;

namespace Summit.Core.Press;

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
        var (article, refusal) = await ArticleRules.OpenAsync(db, articleId, actor, editorsOnly: true, expectedStamp, cancellationToken);
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
        return await ArticleTransitions.SaveAsync(db, article, cancellationToken);
    }
}
