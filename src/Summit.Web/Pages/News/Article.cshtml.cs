using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Summit.Core.Data;
using Summit.Core.Editions;
using Summit.Core.Photos;
using Summit.Core.Press;
using Summit.Core.Speakers;
using Summit.Web.Hosting;
using Summit.Web.Press;

namespace Summit.Web.Pages.News;

/// <summary>
/// One article laid out as a news page: headline, dateline and lead, cover photo with caption and credit, the body with
/// its figures, the contributor line, corrections, the speakers and sessions covered, related articles; with OpenGraph
/// and schema.org NewsArticle for sharing and search. Before publication only its authors and the editors see it.
/// </summary>
public sealed class ArticleModel(SummitDbContext db, PublishedArticlePages pages) : PageModel
{
    public Article Article { get; private set; } = null!;

    /// <summary>The article was published, then taken off the site: the page says so (410).</summary>
    public bool Gone { get; private set; }

    public Edition Edition { get; private set; } = null!;

    /// <summary>Whether the page shows the Chinese text (the visitor's language, or the only one the article has).</summary>
    public bool ShowsChinese { get; private set; }

    public IReadOnlyList<Speaker> Speakers { get; private set; } = [];

    public IReadOnlyList<(int Id, string TitleEn, string TitleZh)> Sessions { get; private set; } = [];

    public IReadOnlyList<ArticleSummary> Related { get; private set; } = [];

    public ArticlePhoto? Cover => Article.Photos.FirstOrDefault(p => p.IsCover);

    public IReadOnlyList<ArticleBlock> Body { get; private set; } = [];

    public string JsonLd { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var key = slug.ToLowerInvariant();
        // A published article's page is read once per stamp and node (PublishedArticlePages): a render costs one statement.
        var stamp = await ArticleQueries.PageStampAsync(db, key, cancellationToken);
        if (stamp is null)
        {
            return NotFound();
        }

        if (pages.Find(stamp) is not { } page)
        {
            var article = await db.Articles.AsNoTracking()
                .Include(a => a.Authors).Include(a => a.Photos).Include(a => a.Speakers).Include(a => a.Sessions).Include(a => a.Tags).Include(a => a.Contributors).Include(a => a.Corrections)
                .AsSplitQuery().FirstOrDefaultAsync(a => a.Id == stamp.Id, cancellationToken);
            if (article is not null && article.Status == ArticleStatus.Unpublished && article.FirstPublishedAt is not null && !ArticleRules.MaySee(article, PressActors.Of(User)))
            {
                // A link to an article the editors took off the site: say so, rather than "not found".
                Gone = true;
                Response.StatusCode = StatusCodes.Status410Gone;
                return Page();
            }

            if (article is null || !ArticleRules.MaySee(article, PressActors.Of(User)))
            {
                return NotFound();
            }

            page = await ReadAsync(article, cancellationToken);
            pages.Keep(stamp, page);
        }

        var shown = page.Article;
        Article = shown;
        Edition = page.Edition;
        Speakers = page.Speakers;
        Sessions = page.Sessions;
        Related = page.Related;
        var chinese = Cultures.IsChinese(System.Globalization.CultureInfo.CurrentUICulture);
        ShowsChinese = chinese ? shown.HeadlineZh is not null : shown.HeadlineEn is null;
        Body = ArticleBody.Blocks(ShowsChinese ? shown.BodyZh : shown.BodyEn);
        JsonLd = JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "NewsArticle",
            ["headline"] = Headline,
            ["description"] = Description,
            ["inLanguage"] = ShowsChinese ? "zh-Hans" : "en",
            ["datePublished"] = shown.FirstPublishedAt,
            ["dateModified"] = shown.Corrections.Count > 0 ? shown.Corrections.Max(c => c.At) : shown.FirstPublishedAt,
            ["author"] = shown.Authors.Select(a => new Dictionary<string, string> { ["@type"] = "Person", ["name"] = a.Name }).ToList(),
            ["image"] = shown.SocialImage is { } image ? HttpContext.PublicUri(PressMedia.Url(image.Key, PhotoVariant.Large)).AbsoluteUri : null,
            ["mainEntityOfPage"] = HttpContext.PublicUri($"/news/{shown.Slug}").AbsoluteUri,
            ["publisher"] = new Dictionary<string, string> { ["@type"] = "Organization", ["name"] = "China-Singapore (Chongqing) Connectivity Initiative Financial Summit" },
            ["about"] = Speakers.Select(s => new Dictionary<string, string> { ["@type"] = "Person", ["name"] = s.DisplayName(ShowsChinese) }).ToList(),
        });
        return Page();
    }

    private async Task<PublishedArticlePage> ReadAsync(Article article, CancellationToken cancellationToken)
    {
        var edition = await db.Editions.AsNoTracking().FirstAsync(e => e.Id == article.EditionId, cancellationToken);
        var speakerIds = article.Speakers.Select(s => s.SpeakerId).ToList();
        var speakers = await db.Speakers.AsNoTracking().Published().Where(s => speakerIds.Contains(s.Id)).OrderBy(s => s.Id).ToListAsync(cancellationToken);
        var sessionIds = article.Sessions.Select(s => s.SessionId).ToList();
        var version = await db.ScheduleVersions.Where(v => v.EditionId == article.EditionId).OrderByDescending(v => v.Number).Select(v => (int?)v.Id).FirstOrDefaultAsync(cancellationToken);
        var sessions = (await db.PublishedSessions.AsNoTracking().Where(p => p.VersionId == version && sessionIds.Contains(p.SessionId))
            .OrderBy(p => p.StartsAt).Select(p => new { p.SessionId, p.TitleEn, p.TitleZh }).ToListAsync(cancellationToken))
            .Select(p => (p.SessionId, p.TitleEn, p.TitleZh)).ToList();
        var related = await ArticleQueries.RelatedAsync(db, article, 4, cancellationToken);
        return new PublishedArticlePage(article, edition, speakers, sessions, related);
    }

    public string Headline => Article.Headline(ShowsChinese) ?? "";

    public string? Lead => ShowsChinese ? Article.LeadZh : Article.LeadEn;

    public string? Dateline => ShowsChinese ? Article.DatelineZh ?? Article.DatelineEn : Article.DatelineEn;

    /// <summary>For search results and link previews: the editor's description, or the lead, or the start of the text.</summary>
    public string Description => Article.SeoDescription ?? Lead ?? ArticleBody.PlainText(ShowsChinese ? Article.BodyZh : Article.BodyEn, 200);
}
