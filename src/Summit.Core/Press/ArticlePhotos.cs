using Microsoft.EntityFrameworkCore;
using Summit.Core.Data;
using Summit.Core.Editions;
using Summit.Core.Photos;

namespace Summit.Core.Press;

public sealed record ArticlePhotoDetails(string? CaptionEn, string? CaptionZh, string? Credit, bool IsCover, bool IsSocial = false);

/// <summary>
/// An article's photos: uploaded by its authors or editors, checked and re-encoded like speakers' photos (no metadata,
/// no decompression bombs), each with a caption and a credit. One photo at most is the cover.
/// </summary>
public sealed class ArticlePhotos(SummitDbContext db, IPhotoStore store, TimeProvider clock, Photos.PhotoDecoding decoding)
{
    public const int MaxPhotos = 30;

    public static class Reasons
    {
        public const string CreditRequired = "Say who took the photo or who owns it (the credit printed with it).";
        public const string TooLong = "A caption or credit is too long.";
        public const string TooMany = "An article can have at most 30 photos.";
        public const string PhotoNotFound = "This photo does not exist (any more).";
        public const string Busy = "Another photo was added to this article at the same moment: add yours again.";
    }

    public async Task<(int? Number, IReadOnlyList<Refusal> Refusals)> UploadAsync(ArticleActor actor, int articleId, byte[] upload, ArticlePhotoDetails details, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(details);
        var (article, refusal) = await ArticleRules.OpenAsync(db, articleId, actor, editorsOnly: false, expectedStamp: null, cancellationToken);
        if (article is null)
        {
            return (null, [refusal!]);
        }

        if (ArticleRules.BeforeChange(db, article, actor, clock.GetUtcNow()) is { } locked)
        {
            return (null, [locked]);
        }

        var refusals = Check(details).ToList();
        if (article.Photos.Count >= MaxPhotos)
        {
            refusals.Add(new("Photo", Reasons.TooMany));
        }

        var processed = await decoding.ProcessAsync(upload, cancellationToken);
        if (processed is PhotoRefused refused)
        {
            refusals.Insert(0, new("Photo", refused.Reason) { Arguments = refused.Arguments });
        }

        if (refusals.Count > 0)
        {
            return (null, refusals);
        }

        var accepted = (PhotoAccepted)processed;
        var key = await store.SaveNewAsync(accepted, cancellationToken);

        if (details.IsCover)
        {
            foreach (var other in article.Photos)
            {
                other.MakeCover(false);
            }
        }

        if (details.IsSocial)
        {
            foreach (var other in article.Photos)
            {
                other.MakeSocial(false);
            }
        }

        var number = article.Photos.Count == 0 ? 1 : article.Photos.Max(p => p.Number) + 1;
        var photo = new ArticlePhoto(article.Id, number, key, accepted.Width, accepted.Height, Clean(details.CaptionEn), Clean(details.CaptionZh), details.Credit!.Trim(), details.IsCover, actor.Email, clock.GetUtcNow());
        photo.MakeSocial(details.IsSocial);
        article.Photos.Add(photo);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            await store.DeleteAsync(key, CancellationToken.None);
            db.ChangeTracker.Clear();
            return (null, [new("Photo", ArticleRules.Reasons.Stale)]);
        }
        catch (DbUpdateException)
        {
            // Two uploads took the same number at once: the files go, the person is asked to add theirs again.
            await store.DeleteAsync(key, CancellationToken.None);
            db.ChangeTracker.Clear();
            return (null, [new("Photo", Reasons.Busy)]);
        }

        return (number, []);
    }

    public async Task<IReadOnlyList<Refusal>> RemoveAsync(ArticleActor actor, int articleId, int number, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var (article, refusal) = await ArticleRules.OpenAsync(db, articleId, actor, editorsOnly: false, expectedStamp: null, cancellationToken);
        if (article is null)
        {
            return [refusal!];
        }

        var photo = article.Photos.FirstOrDefault(p => p.Number == number);
        if (photo is null)
        {
            return [new("", Reasons.PhotoNotFound)];
        }

        if (ArticleRules.BeforeChange(db, article, actor, clock.GetUtcNow()) is { } locked)
        {
            return [locked];
        }

        article.Photos.Remove(photo);
        if (await SaveAsync(cancellationToken) is { } stale)
        {
            return [stale];
        }

        await store.DeleteAsync(photo.Key, CancellationToken.None);
        return [];
    }

    /// <summary>Makes a photo the cover, or the image for sharing (one of each per article).</summary>
    public async Task<IReadOnlyList<Refusal>> ChooseAsync(ArticleActor actor, int articleId, int number, bool cover, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var (article, refusal) = await ArticleRules.OpenAsync(db, articleId, actor, editorsOnly: false, expectedStamp: null, cancellationToken);
        if (article is null)
        {
            return [refusal!];
        }

        if (article.Photos.All(p => p.Number != number))
        {
            return [new("", Reasons.PhotoNotFound)];
        }

        if (ArticleRules.BeforeChange(db, article, actor, clock.GetUtcNow()) is { } locked)
        {
            return [locked];
        }

        foreach (var photo in article.Photos)
        {
            if (cover)
            {
                photo.MakeCover(photo.Number == number);
            }
            else
            {
                photo.MakeSocial(photo.Number == number);
            }
        }

        return await SaveAsync(cancellationToken) is { } stale ? [stale] : [];
    }

    /// <summary>Saves; null when done, the "someone else changed it" refusal when another change got there first.</summary>
    private async Task<Refusal?> SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new Refusal("", ArticleRules.Reasons.Stale);
        }
    }

    public static IEnumerable<Refusal> Check(ArticlePhotoDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        if (string.IsNullOrWhiteSpace(details.Credit))
        {
            yield return new("Credit", Reasons.CreditRequired);
        }

        if ((details.Credit?.Trim().Length ?? 0) > Speakers.SpeakerPhoto.CreditMaxLength
            || (details.CaptionEn?.Trim().Length ?? 0) > ArticlePhoto.CaptionMaxLength
            || (details.CaptionZh?.Trim().Length ?? 0) > ArticlePhoto.CaptionMaxLength)
        {
            yield return new("Caption", Reasons.TooLong);
        }

        if (new[] { details.Credit, details.CaptionEn, details.CaptionZh }.Any(t => Texts.HasControlCharacters(t) || Texts.LooksLikeMarkup(t)))
        {
            yield return new("Caption", SaveArticle.Reasons.Markup);
        }
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
