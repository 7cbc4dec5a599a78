using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Summit.Core.Data;
using Summit.Core.Editions;

namespace Summit.Core.Press;

/// <summary>
/// Writes an article: a new draft (its writer becomes its author), or a change by an author or an editor. Every save
/// keeps a revision. A published article changed is "corrected": the change needs a note, shown dated on the article.
/// A change of the quoted passages voids the speaker's sign-off.
/// </summary>
public sealed partial class SaveArticle(SummitDbContext db, TimeProvider clock)
{
    public const int MaxTags = 12;
    public const int MaxContributors = 10;

    public static class Reasons
    {
        public const string HeadlineRequired = "Write the headline in English or in Chinese (or both).";
        public const string KindUnknown = "Choose whether this is an interview, a report or an announcement.";
        public const string BodyRequired = "Write the article's text in the language of its headline.";
        public const string SlugShape = "Use 3 to 80 lowercase letters, digits or hyphens for the address (for example zeng-gang-carbon-finance).";
        public const string SlugTaken = "Another article already uses this address.";
        public const string TextTooLong = "This text is too long.";
        public const string ControlCharacters = "This text contains invisible control characters; type it again.";
        public const string Markup = "Headlines, datelines, tags and names are plain text: leave out HTML tags.";
        public const string TooManyTags = "Use at most 12 tags, each under 40 characters.";
        public const string TooManyContributors = "Credit at most 10 contributors, each with a name.";
        public const string UnknownSpeaker = "One of the speakers chosen does not exist (any more).";
        public const string UnknownSession = "One of the sessions chosen is not in this article's edition.";
        public const string UnknownEdition = "This edition does not exist (any more).";
        public const string CorrectionRequired = "This article is published: say in a correction note what you changed and why.";
        public const string NotYetPublishedNote = "A correction note is only for an article already published.";
    }

    public Task<ArticleOutcome> RunAsync(ArticleActor actor, int editionId, int? articleId, ArticleContent content, int? expectedRevision = null, string? correctionNote = null, CancellationToken cancellationToken = default) =>
        RunAsync(actor, editionId, articleId, content, expectedRevision, correctionNote, restoredFrom: null, cancellationToken);

    internal async Task<ArticleOutcome> RunAsync(ArticleActor actor, int editionId, int? articleId, ArticleContent content, int? expectedRevision, string? correctionNote, int? restoredFrom, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(content);
        var refusals = Check(content).ToList();
        if (correctionNote is not null && (correctionNote.Trim().Length > ArticleCorrection.NoteMaxLength || Texts.HasControlCharacters(correctionNote)))
        {
            refusals.Add(new("CorrectionNote", Reasons.TextTooLong));
        }

        if (refusals.Count > 0)
        {
            return new(null, refusals);
        }

        var now = clock.GetUtcNow();
        Article article;
        if (articleId is int id)
        {
            var (found, refusal) = await ArticleRules.OpenAsync(db, id, actor, editorsOnly: false, expectedStamp: null, cancellationToken);
            if (found is null)
            {
                return new(null, [refusal!]);
            }

            if (expectedRevision is int expected && expected != found.Revision)
            {
                return ArticleOutcome.Refused(ArticleRules.Reasons.Stale);
            }

            var published = found.Status == ArticleStatus.Published;
            if (published && !actor.IsEditor)
            {
                // What the public reads changes only by an editor's hand.
                return ArticleOutcome.Refused(ArticleRules.Reasons.PublishedEditorsOnly);
            }

            if (published && string.IsNullOrWhiteSpace(correctionNote))
            {
                return ArticleOutcome.Refused(Reasons.CorrectionRequired, "CorrectionNote");
            }

            if (!published && !string.IsNullOrWhiteSpace(correctionNote))
            {
                return ArticleOutcome.Refused(Reasons.NotYetPublishedNote, "CorrectionNote");
            }

            article = found;
            editionId = article.EditionId;
        }
        else
        {
            if (!await db.Editions.AnyAsync(e => e.Id == editionId, cancellationToken))
            {
                return ArticleOutcome.Refused(Reasons.UnknownEdition);
            }

            // The byline is the account's display name (never its sign-in address).
            var name = await db.Users.Where(u => u.Id == actor.UserId).Select(u => new { u.DisplayName, u.DisplayNameZh }).FirstOrDefaultAsync(cancellationToken);
            article = new Article(editionId, actor.Email, now);
            article.Authors.Add(new ArticleAuthor(actor.UserId, ArticleAuthor.Byline(name?.DisplayName, actor.Email.Split('@')[0]), name?.DisplayNameZh));
            db.Articles.Add(article);
        }

        var slug = content.Slug!.Trim();
        if (await db.Articles.AnyAsync(a => a.Slug == slug && a.Id != article.Id, cancellationToken))
        {
            return ArticleOutcome.Refused(Reasons.SlugTaken, nameof(ArticleContent.Slug));
        }

        var speakerIds = content.SpeakerIds.Distinct().ToList();
        if (await db.Speakers.CountAsync(s => speakerIds.Contains(s.Id), cancellationToken) != speakerIds.Count)
        {
            return ArticleOutcome.Refused(Reasons.UnknownSpeaker, nameof(ArticleContent.SpeakerIds));
        }

        var sessionIds = content.SessionIds.Distinct().ToList();
        if (await db.Sessions.CountAsync(s => sessionIds.Contains(s.Id) && s.EditionId == editionId, cancellationToken) != sessionIds.Count)
        {
            return ArticleOutcome.Refused(Reasons.UnknownSession, nameof(ArticleContent.SessionIds));
        }

        var wasPublished = article.Status == ArticleStatus.Published;
        var wasScheduled = article.Status == ArticleStatus.Scheduled;
        var quotesBefore = article.QuotedPassages;
        article.Apply(content with { Slug = slug }, now);
        var quotesChanged = article.QuotedPassages != quotesBefore;
        Replace(article.Tags, NormalizeTags(content.Tags).Select(t => new ArticleTag(t)), (a, b) => a.Tag == b.Tag);
        Replace(article.Speakers, speakerIds.Select(s => new ArticleSpeaker(s)), (a, b) => a.SpeakerId == b.SpeakerId);
        if (article.Status == ArticleStatus.Scheduled
            && (!actor.IsEditor || (article.NeedsSignOff(article.Speakers.Count > 0) && article.SignOff != SignOffStatus.Approved && article.SignOffOverriddenBy is null)))
        {
            // An editor scheduled other words, or the article now quotes a speaker nobody asked: back to the editors.
            article.MoveTo(ArticleStatus.EditorReview, now);
        }

        if (wasPublished && quotesChanged)
        {
            // An editor's correction of the quotes stands without the speaker: recorded as such.
            article.OverrideSignOff(actor.Email, now);
            ArticleRules.Record(db, article, ArticleEventKind.SignOffOverridden, actor.Email, "correction", now);
        }

        Replace(article.Sessions, sessionIds.Select(s => new ArticleSession(s)), (a, b) => a.SessionId == b.SessionId);
        Replace(article.Contributors, content.Contributors.Where(c => !string.IsNullOrWhiteSpace(c.Name)).Select((c, i) => new ArticleContributor(i + 1, c.Name.Trim(), Blank(c.Role), Blank(c.NameZh), Blank(c.RoleZh))),
            (a, b) => a.Order == b.Order && a.Name == b.Name && a.Role == b.Role && a.NameZh == b.NameZh && a.RoleZh == b.RoleZh);
        if (wasPublished)
        {
            article.Corrections.Add(new ArticleCorrection(correctionNote!.Trim(), actor.Email, now));
        }

        // The article, its revision and its history line together, or none of them.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            await transaction.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            return ArticleOutcome.Refused(ArticleRules.Reasons.Stale);
        }
        catch (DbUpdateException)
        {
            // Two articles saved with one address at once: the unique index decides. (Asked after the rollback: a
            // failed statement ends a PostgreSQL transaction.)
            await transaction.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            var self = articleId ?? 0;
            if (await db.Articles.AnyAsync(a => a.Slug == slug && a.Id != self, cancellationToken))
            {
                return ArticleOutcome.Refused(Reasons.SlugTaken, nameof(ArticleContent.Slug));
            }

            throw;
        }

        db.ArticleRevisions.Add(new ArticleRevision(article.Id, article.Revision, ArticleRules.Snapshot(ArticleRules.ContentOf(article)), actor.Email, now, correctionNote?.Trim(), restoredFrom));
        if (wasScheduled && article.Status != ArticleStatus.Scheduled)
        {
            ArticleRules.Record(db, article, ArticleEventKind.Unscheduled, actor.Email, null, now);
        }

        var kind = articleId is null ? ArticleEventKind.Created : restoredFrom is not null ? ArticleEventKind.Restored : wasPublished ? ArticleEventKind.Corrected : ArticleEventKind.Saved;
        ArticleRules.Record(db, article, kind, actor.Email, restoredFrom is int from ? $"{from}" : wasPublished ? correctionNote!.Trim() : null, now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new(article.Id, []);
    }

    public static IReadOnlyList<Refusal> Check(ArticleContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var refusals = new List<Refusal>();
        if (!Enum.IsDefined(content.Kind))
        {
            refusals.Add(new(nameof(ArticleContent.Kind), Reasons.KindUnknown));
        }

        if (string.IsNullOrWhiteSpace(content.HeadlineEn) && string.IsNullOrWhiteSpace(content.HeadlineZh))
        {
            refusals.Add(new(nameof(ArticleContent.HeadlineEn), Reasons.HeadlineRequired));
        }

        if ((!string.IsNullOrWhiteSpace(content.HeadlineEn) && string.IsNullOrWhiteSpace(content.BodyEn))
            || (!string.IsNullOrWhiteSpace(content.HeadlineZh) && string.IsNullOrWhiteSpace(content.BodyZh)))
        {
            refusals.Add(new(nameof(ArticleContent.BodyEn), Reasons.BodyRequired));
        }

        if (content.Slug is null || !SlugPattern().IsMatch(content.Slug.Trim()))
        {
            refusals.Add(new(nameof(ArticleContent.Slug), Reasons.SlugShape));
        }

        refusals.AddRange(Texts.TooLong(
            Reasons.TextTooLong,
            (nameof(ArticleContent.HeadlineEn), content.HeadlineEn, Article.HeadlineMaxLength),
            (nameof(ArticleContent.HeadlineZh), content.HeadlineZh, Article.HeadlineMaxLength),
            (nameof(ArticleContent.LeadEn), content.LeadEn, Article.LeadMaxLength),
            (nameof(ArticleContent.LeadZh), content.LeadZh, Article.LeadMaxLength),
            (nameof(ArticleContent.BodyEn), content.BodyEn, Article.BodyMaxLength),
            (nameof(ArticleContent.BodyZh), content.BodyZh, Article.BodyMaxLength),
            (nameof(ArticleContent.DatelineEn), content.DatelineEn, Article.DatelineMaxLength),
            (nameof(ArticleContent.DatelineZh), content.DatelineZh, Article.DatelineMaxLength),
            (nameof(ArticleContent.SeoTitle), content.SeoTitle, Article.SeoTitleMaxLength),
            (nameof(ArticleContent.SeoDescription), content.SeoDescription, Article.SeoDescriptionMaxLength),
            (nameof(ArticleContent.QuotedPassages), content.QuotedPassages, Article.QuotesMaxLength)));
        string?[] all = [content.HeadlineEn, content.HeadlineZh, content.LeadEn, content.LeadZh, content.BodyEn, content.BodyZh, content.DatelineEn, content.DatelineZh,
            content.SeoTitle, content.SeoDescription, content.QuotedPassages, .. content.Tags, .. content.Contributors.SelectMany(c => new[] { c.Name, c.Role, c.NameZh, c.RoleZh })];
        if (all.Any(Texts.HasControlCharacters))
        {
            refusals.Add(new("", Reasons.ControlCharacters));
        }

        // The body is Markdown and is cleaned when shown; the short labels are shown as text everywhere (feeds, titles).
        string?[] plain = [content.HeadlineEn, content.HeadlineZh, content.DatelineEn, content.DatelineZh, content.SeoTitle, content.SeoDescription, .. content.Tags, .. content.Contributors.SelectMany(c => new[] { c.Name, c.Role, c.NameZh, c.RoleZh })];
        if (plain.Any(Texts.LooksLikeMarkup))
        {
            refusals.Add(new(nameof(ArticleContent.HeadlineEn), Reasons.Markup));
        }

        var tags = NormalizeTags(content.Tags);
        if (tags.Count > MaxTags || content.Tags.Any(t => t.Trim().Length > ArticleTag.MaxLength))
        {
            refusals.Add(new(nameof(ArticleContent.Tags), Reasons.TooManyTags));
        }

        if (content.Contributors.Count > MaxContributors
            || content.Contributors.Any(c => c.Name.Trim().Length > ArticleContributor.NameMaxLength || (c.Role?.Trim().Length ?? 0) > ArticleContributor.RoleMaxLength
                || (c.NameZh?.Trim().Length ?? 0) > ArticleContributor.NameMaxLength || (c.RoleZh?.Trim().Length ?? 0) > ArticleContributor.RoleMaxLength))
        {
            refusals.Add(new(nameof(ArticleContent.Contributors), Reasons.TooManyContributors));
        }

        return refusals;
    }

#pragma warning disable CA1308 // Tags are shown and matched in lower case (Chinese is unaffected).
    public static IReadOnlyList<string> NormalizeTags(IEnumerable<string> tags) =>
        tags.Select(t => t.Trim().ToLowerInvariant()).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToList();
#pragma warning restore CA1308

    /// <summary>Makes a collection hold exactly the wanted items, keeping the rows that stay (so EF changes only the difference).</summary>
    private static void Replace<T>(ICollection<T> current, IEnumerable<T> wanted, Func<T, T, bool> same)
    {
        var target = wanted.ToList();
        foreach (var gone in current.Where(c => !target.Any(t => same(c, t))).ToList())
        {
            current.Remove(gone);
        }

        foreach (var added in target.Where(t => !current.Any(c => same(c, t))))
        {
            current.Add(added);
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{2,79}$", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
