using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Summit.Core.Data;
using Summit.Core.Press;
using Summit.Web.Scheduling;

namespace Summit.Web.Press;

/// <summary>
/// Newly published articles show in the "Coverage" of cached session pages at once on this node (others within the
/// programme cache's ten minutes).
/// </summary>
public sealed class EvictPressCoverage(SummitDbContext db, IOutputCacheStore store) : IArticleListener
{
    public async Task HandleAsync(ArticlePublished published, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(published);
        await EvictAsync(db, store, published.ArticleId, cancellationToken);
    }

    public static async Task EvictAsync(SummitDbContext db, IOutputCacheStore store, int articleId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(store);
        var slug = await db.Articles.Where(a => a.Id == articleId).Join(db.Editions, a => a.EditionId, e => e.Id, (a, e) => e.Slug).FirstOrDefaultAsync(cancellationToken);
        if (slug is not null)
        {
            await store.EvictByTagAsync(ProgrammeCachePolicy.Tag(slug), cancellationToken);
        }
    }
}
