using Microsoft.EntityFrameworkCore;
using Summit.Core.Data;

namespace Summit.Core.Press;

/// <summary>A published article as lists, feeds and links show it; <see cref="UpdatedAt"/> is its last correction, or its publication.</summary>
public sealed record ArticleSummary(int Id, string Slug, ArticleKind Kind, string? HeadlineEn, string? HeadlineZh, string? LeadEn, string? LeadZh, DateTimeOffset PublishedAt, DateTimeOffset UpdatedAt, string? CoverKey)
{
    public string Headline(bool chinese) => (chinese ? HeadlineZh ?? HeadlineEn : HeadlineEn ?? HeadlineZh) ?? "";

    public string? Lead(bool chinese) => chinese ? LeadZh ?? LeadEn : LeadEn ?? LeadZh;

    /// <summary>The language the headline shows in: the visitor's, or the other when the article has only that one.</summary>
    public bool HeadlineIsChinese(bool chinese) => chinese ? HeadlineZh is not null : HeadlineEn is null;
}

/// <summary>
/// Everything a published article's page shows, in one statement: the article's own stamp (its words, people, photos
/// and corrections all change it), the speakers it covers (who, their names, whether they are public), the sessions it
/// covers and its edition's latest programme, the edition, and the published articles it may be related to. Two equal
/// stamps mean the page would show the same.
/// </summary>
public sealed record ArticlePageStamp(
    int Id, ArticleStatus Status, string ConcurrencyStamp, int SpeakerIdSum, int SpeakersPublic, DateTimeOffset? SpeakersChanged,
    int SessionCount, int? ProgrammeVersion, DateTimeOffset EditionChanged, int PublishedArticles, DateTimeOffset? PressChanged);

/// <summary>What the public sees of the press: published articles, newest first, by edition, tag or speaker; related articles.</summary>
public static class ArticleQueries
{
    public static IQueryable<Article> Published(this IQueryable<Article> articles) => articles.Where(a => a.Status == ArticleStatus.Published);

    public static Task<ArticlePageStamp?> PageStampAsync(SummitDbContext db, string slug, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Articles.AsNoTracking().Where(a => a.Slug == slug).Select(a => new ArticlePageStamp(
                a.Id,
                a.Status,
                a.ConcurrencyStamp,
                a.Speakers.Sum(s => s.SpeakerId),
                Speakers.SpeakerQueries.Published(db.Speakers).Count(s => a.Speakers.Any(x => x.SpeakerId == s.Id)),
                db.Speakers.Where(s => a.Speakers.Any(x => x.SpeakerId == s.Id)).Max(s => (DateTimeOffset?)s.UpdatedAt),
                a.Sessions.Count,
                db.ScheduleVersions.Where(v => v.EditionId == a.EditionId).Max(v => (int?)v.Number),
                db.Editions.Where(e => e.Id == a.EditionId).Select(e => e.UpdatedAt).First(),
                db.Articles.Count(o => o.Status == ArticleStatus.Published),
                db.Articles.Max(o => (DateTimeOffset?)o.UpdatedAt)))
            .FirstOrDefaultAsync(cancellationToken);
    }

    public static IQueryable<ArticleSummary> Summaries(this IQueryable<Article> articles) => articles
        .OrderByDescending(a => a.FirstPublishedAt).ThenByDescending(a => a.Id)
        .Select(a => new ArticleSummary(a.Id, a.Slug, a.Kind, a.HeadlineEn, a.HeadlineZh, a.LeadEn, a.LeadZh, a.FirstPublishedAt!.Value,
            a.Corrections.OrderByDescending(c => c.At).Select(c => (DateTimeOffset?)c.At).FirstOrDefault() ?? a.FirstPublishedAt!.Value,
            a.Photos.Where(p => p.IsCover).Select(p => p.Key).FirstOrDefault()));

    public static IQueryable<Article> Filter(this IQueryable<Article> articles, SummitDbContext db, int? editionId, string? tag, int? speakerId, int? sessionId = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (editionId is int edition)
        {
            articles = articles.Where(a => a.EditionId == edition);
        }

        if (!string.IsNullOrWhiteSpace(tag))
        {
#pragma warning disable CA1308 // Tags are stored in lower case.
            var wanted = tag.Trim().ToLowerInvariant();
#pragma warning restore CA1308
            articles = articles.Where(a => a.Tags.Any(t => t.Tag == wanted));
        }

        if (speakerId is int speaker)
        {
            articles = articles.Where(a => a.Speakers.Any(s => s.SpeakerId == speaker));
        }

        if (sessionId is int session)
        {
            articles = articles.Where(a => a.Sessions.Any(s => s.SessionId == session));
        }

        return articles;
    }

    /// <summary>
    /// Published articles that share the most with this one: a speaker counts three, a session two, a tag one; the
    /// newest first among equals. Articles sharing nothing are not related.
    /// </summary>
    public static async Task<IReadOnlyList<ArticleSummary>> RelatedAsync(SummitDbContext db, Article article, int take, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(article);
        var speakers = article.Speakers.Select(s => s.SpeakerId).ToList();
        var sessions = article.Sessions.Select(s => s.SessionId).ToList();
        var tags = article.Tags.Select(t => t.Tag).ToList();
        var scored = await db.Articles.AsNoTracking().Published()
            .Where(a => a.Id != article.Id)
            .Select(a => new
            {
                a.Id,
                Score = (a.Speakers.Count(s => speakers.Contains(s.SpeakerId)) * 3) + (a.Sessions.Count(s => sessions.Contains(s.SessionId)) * 2) + a.Tags.Count(t => tags.Contains(t.Tag)),
                a.FirstPublishedAt,
            })
            .Where(a => a.Score > 0)
            .OrderByDescending(a => a.Score).ThenByDescending(a => a.FirstPublishedAt).ThenByDescending(a => a.Id)
            .Take(take)
            .Select(a => a.Id)
            .ToListAsync(cancellationToken);
        var summaries = await db.Articles.AsNoTracking().Where(a => scored.Contains(a.Id)).Summaries().ToListAsync(cancellationToken);
        return [.. scored.Select(id => summaries.First(s => s.Id == id))];
    }
}
