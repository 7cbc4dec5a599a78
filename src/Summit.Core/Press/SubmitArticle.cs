using Summit.Core.Data;

namespace Summit.Core.Press;

/// <summary>An author hands a draft to the editors.</summary>
public sealed class SubmitArticle(SummitDbContext db, TimeProvider clock)
{
    public async Task<ArticleOutcome> RunAsync(ArticleActor actor, int articleId, string? expectedStamp = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var (article, refusal) = await ArticleRules.OpenAsync(db, articleId, actor, editorsOnly: false, expectedStamp, cancellationToken);
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
        return await ArticleTransitions.SaveAsync(db, article, cancellationToken);
    }
}
