using Summit.Core.Data;
using Summit.Core.Press;
using Summit.Core.Site;

namespace Summit.Web.Press;

/// <summary>
/// A newly published article shows in the "Coverage" of cached session pages at once on this node and, through the
/// broadcast, on the others (the consequence <see cref="EvictContentCache"/> does it again wherever the job ran).
/// </summary>
public sealed class EvictPressCoverage(SummitDbContext db, CacheEvictions evictions) : IArticleListener
{
    public async Task HandleAsync(ArticlePublished published, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(published);
        await EvictContentCache.EvictArticleAsync(db, evictions, published.ArticleId, cancellationToken);
    }
}
