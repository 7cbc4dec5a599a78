using Microsoft.EntityFrameworkCore;
using Summit.Core.Data;

namespace Summit.Core.Press;

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
        var article = await db.Articles.AsNoTracking().Include(a => a.Authors).FirstOrDefaultAsync(a => a.Id == articleId, cancellationToken);
        if (article is null || !ArticleRules.MaySee(article, actor))
        {
            return ArticleOutcome.Refused(ArticleRules.Reasons.NotFound);
        }

        var revision = await db.ArticleRevisions.AsNoTracking().FirstOrDefaultAsync(r => r.ArticleId == articleId && r.Number == number, cancellationToken);
        if (revision is null || ArticleRules.ReadSnapshot(revision.Snapshot) is not { } content)
        {
            return ArticleOutcome.Refused(Reasons.RevisionNotFound);
        }

        return await save.RunAsync(actor, article.EditionId, articleId, content, expectedRevision, correctionNote, number, cancellationToken);
    }
}
