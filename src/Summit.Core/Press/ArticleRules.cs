using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Summit.Core.Data;
using Summit.Core.Editions;

namespace Summit.Core.Press;

public sealed record ArticleOutcome(int? ArticleId, IReadOnlyList<Refusal> Refusals)
{
    public bool Succeeded => ArticleId is not null;

    internal static ArticleOutcome Refused(string reason, string field = "") => new(null, [new Refusal(field, reason)]);
}

/// <summary>What every transition checks: who may see and change an article, in which state, and its history.</summary>
public static class ArticleRules
{
    public static class Reasons
    {
        public const string NotFound = "This article does not exist, or you may not see it.";
        public const string NotYours = "Only the article's authors and the editors may change it.";
        public const string EditorsOnly = "Only an editor may do this.";
        public const string PublishedEditorsOnly = "A published article is changed by an editor only: ask one to make the correction.";
        public const string WrongState = "This cannot be done in the state the article is in now (see “Where it stands”).";
        public const string Stale = "Someone saved this article after you opened it: reload it to see their changes, then make yours again.";
    }

    /// <summary>Authors of the article, and editors, see it in every state; everyone else only once it is published.</summary>
    public static bool MaySee(Article article, ArticleActor? actor) =>
        article.Status == ArticleStatus.Published || (actor is not null && (actor.IsEditor || IsAuthor(article, actor)));

    public static bool MayEdit(Article article, ArticleActor actor) => actor.IsEditor || IsAuthor(article, actor);

    public static bool IsAuthor(Article article, ArticleActor actor)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(actor);
        return article.Authors.Any(a => a.UserId == actor.UserId);
    }

    /// <summary>The article with what the rules need (authors, links, photos), tracked for a change.</summary>
    internal static Task<Article?> LoadAsync(SummitDbContext db, int articleId, CancellationToken cancellationToken) =>
        db.Articles.Include(a => a.Authors).Include(a => a.Speakers).Include(a => a.Sessions).Include(a => a.Tags).Include(a => a.Contributors).Include(a => a.Photos)
            .AsSplitQuery().FirstOrDefaultAsync(a => a.Id == articleId, cancellationToken);

    /// <summary>
    /// The article, tracked, for someone about to change it; or the refusal every transition gives first: not found
    /// (also for one the person may not see), not theirs (or editors only), or changed since the form was opened.
    /// </summary>
    internal static async Task<(Article? Article, Refusal? Refusal)> OpenAsync(SummitDbContext db, int articleId, ArticleActor actor, bool editorsOnly, string? expectedStamp, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var article = await LoadAsync(db, articleId, cancellationToken);
        if (article is null || !MaySee(article, actor))
        {
            return (null, new Refusal("", Reasons.NotFound));
        }

        if (editorsOnly ? !actor.IsEditor : !MayEdit(article, actor))
        {
            return (null, new Refusal("", editorsOnly ? Reasons.EditorsOnly : Reasons.NotYours));
        }

        // Decided on a version someone has changed since: look again first.
        return Stale(article, expectedStamp) ? (null, new Refusal("", Reasons.Stale)) : (article, null);
    }

    internal static Refusal WrongState() => new("", Reasons.WrongState);

    /// <summary>
    /// Before an author or editor changes what goes with the words (photos, authors): a published article only by an
    /// editor; a scheduled one by its author goes back to the editors. Null when the change may go ahead.
    /// </summary>
    internal static Refusal? BeforeChange(SummitDbContext db, Article article, ArticleActor actor, DateTimeOffset now)
    {
        if (article.Status == ArticleStatus.Published && !actor.IsEditor)
        {
            return new("", Reasons.PublishedEditorsOnly);
        }

        if (article.Status == ArticleStatus.Scheduled && !actor.IsEditor)
        {
            article.MoveTo(ArticleStatus.EditorReview, now);
            Record(db, article, ArticleEventKind.Unscheduled, actor.Email, null, now);
        }
        else
        {
            // The row changes with its photos or authors, so two such changes at once cannot both pass.
            article.Touch(now);
        }

        return null;
    }

    /// <summary>Whether the action was decided on the version of the article the person saw (the stamp on their form).</summary>
    internal static bool Stale(Article article, string? expectedStamp) => expectedStamp is not null && expectedStamp != article.ConcurrencyStamp;

    internal static void Record(SummitDbContext db, Article article, ArticleEventKind kind, string? by, string? detail, DateTimeOffset at) =>
        db.ArticleEvents.Add(new ArticleEvent(article.Id, kind, by, detail, at));

    internal static string Snapshot(ArticleContent content) => JsonSerializer.Serialize(content, SnapshotOptions);

    public static ArticleContent? ReadSnapshot(string snapshot) => JsonSerializer.Deserialize<ArticleContent>(snapshot, SnapshotOptions);

    internal static string NewToken() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>The words and links of an article as they stand, in the shape a save takes.</summary>
    public static ArticleContent ContentOf(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        return new ArticleContent(
            article.Kind, article.Slug, article.HeadlineEn, article.HeadlineZh, article.LeadEn, article.LeadZh, article.BodyEn, article.BodyZh,
            article.DatelineEn, article.DatelineZh, article.SeoTitle, article.SeoDescription, article.QuotedPassages,
            [.. article.Tags.Select(t => t.Tag).Order(StringComparer.Ordinal)],
            [.. article.Contributors.OrderBy(c => c.Order).Select(c => new ContributorDetails(c.Name, c.Role, c.NameZh, c.RoleZh))],
            [.. article.Speakers.Select(s => s.SpeakerId).Order()],
            [.. article.Sessions.Select(s => s.SessionId).Order()]);
    }

    private static readonly JsonSerializerOptions SnapshotOptions = new(JsonSerializerDefaults.Web);
}
