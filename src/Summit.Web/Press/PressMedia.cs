using System.ServiceModel.Syndication;
using System.Xml;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using Summit.Core.Data;
using Summit.Core.Photos;
using Summit.Core.Press;
using Summit.Core.Speakers;
using Summit.Web.Hosting;

namespace Summit.Web.Press;

/// <summary>
/// <c>/media/press/{key}/{large|square}</c>: a published article's photo for everyone (cached for an hour, so an
/// unpublished article's photos go with it); an unpublished article's only for its authors and the editors; anything
/// else is 404.
/// </summary>
public static class PressMedia
{
    public static string Url(string key, PhotoVariant variant) => $"/media/press/{key}/{variant.ToString().ToLowerInvariant()}";

    public static IEndpointRouteBuilder MapPressEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/media/press/{key}/{variant}", ServeAsync).ExcludeFromDescription();
        app.MapGet("/news/feed.atom", (SummitDbContext db, HttpContext http, CancellationToken ct) => FeedAsync(db, http, null, null, ct)).ExcludeFromDescription();
        app.MapGet("/news/tags/{tag}/feed.atom", (string tag, SummitDbContext db, HttpContext http, CancellationToken ct) => FeedAsync(db, http, tag, null, ct)).ExcludeFromDescription();
        app.MapGet("/news/speakers/{slug}/feed.atom", (string slug, SummitDbContext db, HttpContext http, CancellationToken ct) => FeedAsync(db, http, null, slug, ct)).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> ServeAsync(string key, string variant, SummitDbContext db, IPhotoStore store, HttpContext http, CancellationToken cancellationToken)
    {
        if (!PhotoFiles.TryParse(key, variant, out var size))
        {
            return Results.NotFound();
        }

        var articleId = await db.ArticlePhotos.AsNoTracking().Where(p => p.Key == key).Select(p => (int?)p.ArticleId).FirstOrDefaultAsync(cancellationToken);
        var article = articleId is null ? null : await db.Articles.AsNoTracking().Include(a => a.Authors).FirstAsync(a => a.Id == articleId, cancellationToken);
        if (article is null || !ArticleRules.MaySee(article, PressActors.Of(http.User)))
        {
            return Results.NotFound();
        }

        if (await store.OpenReadAsync(key, size, cancellationToken) is not { } open)
        {
            return Results.NotFound();
        }

        // Published photos are cached for an hour only: an article taken off the site takes its photos with it.
        http.Response.Headers.CacheControl = article.Status == ArticleStatus.Published ? "public, max-age=3600" : "private, no-store";
        return Hosting.StoredFileResults.Serve(open, "image/jpeg");
    }

    private static bool IsXmlText(string text)
    {
        try
        {
            XmlConvert.VerifyXmlChars(text);
            return true;
        }
        catch (XmlException)
        {
            return false;
        }
    }

    /// <summary>The article as a feed reader shows it: the lead, then the body with its photos at absolute addresses.</summary>
    private static string FullText(string? body, string? lead, string? dateline, bool chinese, IReadOnlyList<ArticlePhoto> photos, HttpContext http)
    {
        var html = new System.Text.StringBuilder();
        if (lead is not null)
        {
            html.Append("<p><strong>");
            if (dateline is not null)
            {
                html.Append(System.Net.WebUtility.HtmlEncode(dateline)).Append(" – ");
            }

            html.Append(System.Net.WebUtility.HtmlEncode(lead)).Append("</strong></p>");
        }

        foreach (var block in ArticleBody.Blocks(body))
        {
            if (block.Html is not null)
            {
                html.Append(block.Html);
            }
            else if (photos.FirstOrDefault(p => p.Number == block.PhotoNumber) is { } photo)
            {
                var caption = System.Net.WebUtility.HtmlEncode(photo.Caption(chinese) ?? "");
                html.Append("<figure><img src=\"").Append(http.PublicUri(Url(photo.Key, PhotoVariant.Large)).AbsoluteUri).Append("\" alt=\"").Append(caption).Append("\">")
                    .Append("<figcaption>").Append(caption).Append(" (").Append(System.Net.WebUtility.HtmlEncode(photo.Credit)).Append(")</figcaption></figure>");
            }
        }

        return html.ToString();
    }

    /// <summary>
    /// An Atom feed of the newest published articles (all, by tag, or about a speaker), each with its full text:
    /// <c>?lang=zh</c> in Chinese, <c>?lang=en</c> in English, and without it in the visitor's language. Feed readers
    /// carry no language cookie, so the pages link each language's feed by its own address.
    /// </summary>
    private static async Task<IResult> FeedAsync(SummitDbContext db, HttpContext http, string? tag, string? speakerSlug, CancellationToken cancellationToken)
    {
        // A tag no article can have (too long, invisible characters that XML cannot carry) has no feed.
        if (tag is not null && (tag.Trim().Length is 0 or > ArticleTag.MaxLength || tag.Any(char.IsControl) || !IsXmlText(tag)))
        {
            return Results.NotFound();
        }

        int? speakerId = null;
        string? speakerName = null;
        var lang = http.Request.Query["lang"].ToString();
        var chinese = lang switch
        {
            "zh" => true,
            "en" => false,
            _ => Cultures.IsChinese(System.Globalization.CultureInfo.CurrentUICulture),
        };
        if (speakerSlug is not null)
        {
            var key = speakerSlug.ToLowerInvariant();
            var speaker = await db.Speakers.AsNoTracking().Published().FirstOrDefaultAsync(s => s.Slug == key, cancellationToken);
            if (speaker is null)
            {
                return Results.NotFound();
            }

            (speakerId, speakerName) = (speaker.Id, speaker.DisplayName(chinese));
        }

        var articles = await db.Articles.AsNoTracking().Published().Filter(db, null, tag, speakerId).Summaries().Take(50).ToListAsync(cancellationToken);
        var ids = articles.Select(a => a.Id).ToList();
        var authors = await db.Set<ArticleAuthor>().AsNoTracking().Where(a => ids.Contains(a.ArticleId)).ToListAsync(cancellationToken);
        var texts = await db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id))
            .Select(a => new { a.Id, a.HeadlineZh, a.HeadlineEn, a.BodyEn, a.BodyZh, a.LeadEn, a.LeadZh, a.DatelineEn, a.DatelineZh })
            .ToDictionaryAsync(a => a.Id, cancellationToken);
        var photos = await db.Set<ArticlePhoto>().AsNoTracking().Where(p => ids.Contains(p.ArticleId)).ToListAsync(cancellationToken);
        var self = (tag is not null ? $"/news/tags/{Uri.EscapeDataString(tag)}/feed.atom" : speakerSlug is not null ? $"/news/speakers/{speakerSlug}/feed.atom" : "/news/feed.atom")
            + (chinese ? "?lang=zh" : "?lang=en");
        var title = chinese ? "中新金融峰会 · 新闻" : "CCI-FS Summit · News";
        title += tag is not null ? $" · {tag}" : speakerName is not null ? $" · {speakerName}" : "";
        var feed = new SyndicationFeed(title, chinese ? "峰会嘉宾访谈与报道" : "Interviews and reports from the summit", http.PublicUri("/news"))
        {
            Id = http.PublicUri(self).AbsoluteUri,
            Language = chinese ? "zh-Hans" : "en",
            LastUpdatedTime = articles.Count == 0 ? DateTimeOffset.UnixEpoch : articles.Max(a => a.UpdatedAt),
            Items = articles.Select(a =>
            {
                var link = http.PublicUri($"/news/{a.Slug}");
                var item = new SyndicationItem(a.Headline(chinese), a.Lead(chinese) ?? "", link, link.AbsoluteUri, a.UpdatedAt) { PublishDate = a.PublishedAt };
                if (texts.TryGetValue(a.Id, out var text))
                {
                    // The article page's rule: the Chinese text where the article has a Chinese headline, else the English.
                    var zh = chinese ? text.HeadlineZh is not null : text.HeadlineEn is null;
                    item.Content = SyndicationContent.CreateHtmlContent(FullText(
                        zh ? text.BodyZh : text.BodyEn, zh ? text.LeadZh : text.LeadEn, zh ? text.DatelineZh : text.DatelineEn, zh,
                        photos.Where(p => p.ArticleId == a.Id).ToList(), http));
                }

                foreach (var author in authors.Where(x => x.ArticleId == a.Id))
                {
                    item.Authors.Add(new SyndicationPerson { Name = author.Byline(chinese) });
                }

                return item;
            }).ToList(),
        };
        feed.Links.Add(new SyndicationLink(http.PublicUri(self)) { RelationshipType = "self", MediaType = "application/atom+xml" });
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new System.Text.UTF8Encoding(false), Async = true }))
        {
            new Atom10FeedFormatter(feed).WriteTo(writer);
        }

        http.Response.Headers.CacheControl = "public, max-age=300";
        return Results.Bytes(buffer.ToArray(), "application/atom+xml; charset=utf-8");
    }
}
