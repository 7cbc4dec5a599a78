using Microsoft.EntityFrameworkCore;
using Summit.Core.Data;
using Summit.Core.Editions;
using Summit.Core.Photos;

namespace Summit.Core.Speakers;

public sealed record PhotoCredit(string? Credit, string? Source, string? Licence);

public sealed record UploadPhotoResult(int? PhotoId, PhotoStatus? Status, IReadOnlyList<Refusal> Refusals)
{
    public bool Saved => PhotoId is not null;
}

/// <summary>
/// Speaker photos: an organizer's upload is public at once; a speaker's own upload waits for an organizer's approval
/// before it replaces the public one. Files are written before the row, so a row always has its files.
/// </summary>
public sealed class SpeakerPhotos(SummitDbContext db, IPhotoStore store, TimeProvider clock, Photos.PhotoDecoding decoding, Consequences.ConsequenceRecorder? consequences = null)
{
    public static class Reasons
    {
        public const string CreditRequired = "Say who took the photo or who owns it (the credit printed under it).";
        public const string LicenceRequired = "Say under which licence or permission the photo may be used.";
        public const string TextTooLong = "This text is too long.";
        public const string SpeakerNotFound = "This speaker does not exist (any more).";
        public const string PhotoNotFound = "This photo is no longer waiting for review.";
    }

    public static IReadOnlyList<Refusal> CheckCredit(PhotoCredit credit)
    {
        ArgumentNullException.ThrowIfNull(credit);
        var refusals = new List<Refusal>();
        if (string.IsNullOrWhiteSpace(credit.Credit))
        {
            refusals.Add(new(nameof(PhotoCredit.Credit), Reasons.CreditRequired));
        }
        else if (credit.Credit.Trim().Length > SpeakerPhoto.CreditMaxLength)
        {
            refusals.Add(new(nameof(PhotoCredit.Credit), Reasons.TextTooLong));
        }

        if (string.IsNullOrWhiteSpace(credit.Licence))
        {
            refusals.Add(new(nameof(PhotoCredit.Licence), Reasons.LicenceRequired));
        }
        else if (credit.Licence.Trim().Length > SpeakerPhoto.LicenceMaxLength)
        {
            refusals.Add(new(nameof(PhotoCredit.Licence), Reasons.TextTooLong));
        }

        if (Text.Texts.HasControlCharacters(credit.Credit) || Text.Texts.HasControlCharacters(credit.Source) || Text.Texts.HasControlCharacters(credit.Licence))
        {
            refusals.Add(new(nameof(PhotoCredit.Credit), SaveSpeaker.Reasons.ControlCharacters));
        }

        if (credit.Source is { } source && source.Trim().Length > SpeakerPhoto.SourceMaxLength)
        {
            refusals.Add(new(nameof(PhotoCredit.Source), Reasons.TextTooLong));
        }

        return refusals;
    }

    /// <param name="byOrganizer">True: public at once. False (the speaker's own upload): waits for approval.</param>
    public async Task<UploadPhotoResult> UploadAsync(int speakerId, byte[] upload, PhotoCredit credit, string uploadedBy, bool byOrganizer, CancellationToken cancellationToken = default)
    {
        var refusals = CheckCredit(credit).ToList();
        var processed = await decoding.ProcessAsync(upload, cancellationToken);
        if (processed is PhotoRefused refused)
        {
            refusals.Insert(0, new("Photo", refused.Reason) { Arguments = refused.Arguments });
        }

        if (refusals.Count > 0)
        {
            return new(null, null, refusals);
        }

        if (!await db.Speakers.AnyAsync(s => s.Id == speakerId, cancellationToken))
        {
            return new(null, null, [new("", Reasons.SpeakerNotFound)]);
        }

        var accepted = (PhotoAccepted)processed;
        var key = await store.SaveNewAsync(accepted, cancellationToken);

        var now = clock.GetUtcNow();
        var photo = new SpeakerPhoto(speakerId, key, accepted.Width, accepted.Height, credit.Credit!.Trim(), Blank(credit.Source), credit.Licence!.Trim(), uploadedBy, now);
        db.Add(photo);
        if (byOrganizer)
        {
            await MakePublicAsync(photo, uploadedBy, now, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return new(photo.Id, photo.Status, []);
    }

    public async Task<IReadOnlyList<Refusal>> ReviewAsync(int photoId, bool approve, string reviewer, CancellationToken cancellationToken = default)
    {
        var photo = await db.Set<SpeakerPhoto>().FirstOrDefaultAsync(p => p.Id == photoId && p.Status == PhotoStatus.Pending, cancellationToken);
        if (photo is null)
        {
            return [new("", Reasons.PhotoNotFound)];
        }

        var now = clock.GetUtcNow();
        if (approve)
        {
            await MakePublicAsync(photo, reviewer, now, cancellationToken);
        }
        else
        {
            photo.Reject(reviewer, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return [];
    }

    private async Task MakePublicAsync(SpeakerPhoto photo, string reviewer, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // The public profile changes with its photo: cached pages on every node, the speaker.changed webhook.
        consequences?.Record(new SpeakerChanged(photo.SpeakerId), $"speaker:{photo.SpeakerId}");
        var current = await db.Set<SpeakerPhoto>()
            .Where(p => p.SpeakerId == photo.SpeakerId && p.Status == PhotoStatus.Approved && p.Id != photo.Id)
            .ToListAsync(cancellationToken);
        foreach (var old in current)
        {
            old.Replace();
        }

        photo.Approve(reviewer, now);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
