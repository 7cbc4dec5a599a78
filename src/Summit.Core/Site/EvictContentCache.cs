using Microsoft.EntityFrameworkCore;
using Summit.Core.Consequences;
using Summit.Core.Data;
using Summit.Core.Press;
using Summit.Core.Speakers;

namespace Summit.Core.Site;

/// <summary>
/// Cached programme pages show speakers' names and articles' coverage: a committed change to either evicts them on
/// every node, whichever process made it (the web, or the worker's publishing job). A consequence, so it runs once
/// the change has committed and is retried if the database did not take the NOTIFY.
/// </summary>
public sealed class EvictContentCache(SummitDbContext db, CacheEvictions evictions) : IConsequenceHandler<SpeakerChanged>, IConsequenceHandler<ArticlePublished>
{
    /// <summary>A speaker may be on any edition's pages.</summary>
    public Task HandleAsync(SpeakerChanged happened, CancellationToken cancellationToken) =>
        evictions.EvictAsync(CacheEvictions.AllTag, cancellationToken);

    public async Task HandleAsync(ArticlePublished happened, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(happened);
        await EvictArticleAsync(db, evictions, happened.ArticleId, cancellationToken);
    }

    /// <summary>The pages of the article's edition (its session's Coverage, its speakers' sessions).</summary>
    public static async Task EvictArticleAsync(SummitDbContext db, CacheEvictions evictions, int articleId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(evictions);
        var slug = await db.Articles.Where(a => a.Id == articleId).Join(db.Editions, a => a.EditionId, e => e.Id, (a, e) => e.Slug).FirstOrDefaultAsync(cancellationToken);
        await evictions.EvictAsync(slug is null ? CacheEvictions.AllTag : EditionTag(slug), cancellationToken);
    }

    /// <summary>The tag of an edition's cached programme pages (the Web's ProgrammeCachePolicy tags them so).</summary>
    public static string EditionTag(string editionSlug)
    {
        ArgumentNullException.ThrowIfNull(editionSlug);
        return "programme:" + editionSlug.ToLowerInvariant();
    }
}
