using Microsoft.Extensions.Caching.Memory;
using Summit.Core.Editions;
using Summit.Core.Press;
using Summit.Core.Speakers;

namespace Summit.Web.Press;

/// <summary>What a published article's page shows besides its words: read once per <see cref="ArticlePageStamp"/>.</summary>
public sealed record PublishedArticlePage(
    Article Article, Edition Edition, IReadOnlyList<Speaker> Speakers, IReadOnlyList<(int Id, string TitleEn, string TitleZh)> Sessions, IReadOnlyList<ArticleSummary> Related);

/// <summary>
/// Published articles' pages kept in memory per node, as <see cref="Scheduling.PublicProgrammes"/> keeps programmes: a
/// page rendered afresh (the output cache missed, or is off) costs the one statement of its stamp
/// (<see cref="ArticleQueries.PageStampAsync"/>), and reads the article, its edition, speakers, sessions and related
/// articles again only when the stamp differs. Drafts and articles taken off the site are never kept. Nothing here
/// needs an eviction across nodes: every node compares the stamp with the database on every render.
/// </summary>
public sealed class PublishedArticlePages(IMemoryCache cache)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    public PublishedArticlePage? Find(ArticlePageStamp stamp)
    {
        ArgumentNullException.ThrowIfNull(stamp);
        return stamp.Status == ArticleStatus.Published && cache.TryGetValue(Key(stamp.Id), out Kept? kept) && kept!.Stamp == stamp ? kept.Page : null;
    }

    public void Keep(ArticlePageStamp stamp, PublishedArticlePage page)
    {
        ArgumentNullException.ThrowIfNull(stamp);
        ArgumentNullException.ThrowIfNull(page);
        if (stamp.Status == ArticleStatus.Published && page.Article.Id == stamp.Id)
        {
            cache.Set(Key(stamp.Id), new Kept(stamp, page), Lifetime);
        }
    }

    private static string Key(int articleId) => $"article-page:{articleId}";

    private sealed record Kept(ArticlePageStamp Stamp, PublishedArticlePage Page);
}
