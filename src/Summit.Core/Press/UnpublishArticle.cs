using Summit.Core.Data;

namespace Summit.Core.Press;

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
        var (article, refusal) = await ArticleRules.OpenAsync(db, articleId, actor, editorsOnly: true, expectedStamp, cancellationToken);
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
        return await ArticleTransitions.SaveAsync(db, article, cancellationToken);
    }
}
