using Microsoft.EntityFrameworkCore;
using Summit.Core.Data;
using Summit.Core.Editions;

namespace Summit.Core.Speakers;

/// <summary>
/// Folds a duplicate into the speaker that stays (the same person entered twice across editions): editions are
/// united, empty fields are filled from the duplicate, photos and the account link move over, then the duplicate is
/// deleted. All in one transaction.
/// </summary>
public sealed class MergeSpeakers(SummitDbContext db, TimeProvider clock)
{
    public static class Reasons
    {
        public const string SameSpeaker = "Choose two different speakers.";
        public const string NotFound = "No speaker has this address.";
        public const string TwoAccounts = "Both profiles are looked after by different accounts; unlink one first.";
    }

    private static readonly string[] ProgrammeSpeakerTables = ["SessionSpeakers", "PublishedSessionSpeakers"];

    public async Task<Refusal?> RunAsync(int keepId, string duplicateSlug, CancellationToken cancellationToken = default)
    {
        var slug = duplicateSlug?.Trim().ToLowerInvariant() ?? "";
        var keep = await db.Speakers.Include(s => s.Editions).FirstOrDefaultAsync(s => s.Id == keepId, cancellationToken);
        var duplicate = await db.Speakers.Include(s => s.Editions).FirstOrDefaultAsync(s => s.Slug == slug, cancellationToken);
        if (keep is null || duplicate is null)
        {
            return new("DuplicateSlug", Reasons.NotFound);
        }

        if (keep.Id == duplicate.Id)
        {
            return new("DuplicateSlug", Reasons.SameSpeaker);
        }

        if (keep.UserId is not null && duplicate.UserId is not null && keep.UserId != duplicate.UserId)
        {
            return new("DuplicateSlug", Reasons.TwoAccounts);
        }

        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            keep.AbsorbFieldsOf(duplicate);
            keep.SetEditions(keep.Editions.Select(e => e.EditionId).Union(duplicate.Editions.Select(e => e.EditionId)).ToList());

            var keepHasPublicPhoto = await db.SpeakerPhotos.AnyAsync(p => p.SpeakerId == keep.Id && p.Status == PhotoStatus.Approved, cancellationToken);
            foreach (var photo in await db.SpeakerPhotos.Where(p => p.SpeakerId == duplicate.Id).ToListAsync(cancellationToken))
            {
                photo.MoveTo(keep.Id, demote: keepHasPublicPhoto);
            }

            // The duplicate's places on the programme (working copy, published history, changelog lines, availability)
            // become the kept speaker's, so no session loses a speaker and the changelog still names them.
            foreach (var table in ProgrammeSpeakerTables)
            {
                var owner = table == "SessionSpeakers" ? "\"SessionId\"" : "\"VersionId\", \"SessionId\"";
#pragma warning disable EF1002 // The table and column names are constants above; the ids are parameters.
                await db.Database.ExecuteSqlRawAsync(
                    $"DELETE FROM \"{table}\" WHERE \"SpeakerId\" = {{1}} AND ({owner}) IN (SELECT {owner} FROM \"{table}\" WHERE \"SpeakerId\" = {{0}})",
                    [keep.Id, duplicate.Id],
                    cancellationToken);
                await db.Database.ExecuteSqlRawAsync($"UPDATE \"{table}\" SET \"SpeakerId\" = {{0}} WHERE \"SpeakerId\" = {{1}}", [keep.Id, duplicate.Id], cancellationToken);
#pragma warning restore EF1002
            }

            var mentioned = duplicate.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            foreach (var change in await db.ScheduleChanges
                         .Where(c => (c.SpeakersBefore != null && c.SpeakersBefore.Contains(mentioned)) || (c.SpeakersAfter != null && c.SpeakersAfter.Contains(mentioned)))
                         .ToListAsync(cancellationToken))
            {
                change.ReplaceSpeaker(duplicate.Id, keep.Id);
            }

            await db.SpeakerAvailabilities.Where(a => a.SpeakerId == duplicate.Id)
                .ExecuteUpdateAsync(a => a.SetProperty(x => x.SpeakerId, keep.Id), cancellationToken);
            db.SpeakerInvitations.RemoveRange(await db.SpeakerInvitations.Where(i => i.SpeakerId == duplicate.Id).ToListAsync(cancellationToken));
            var account = keep.UserId ?? duplicate.UserId;
            duplicate.UnlinkAccount();
            db.Speakers.Remove(duplicate);
            // The removal of the duplicate is recorded by the trail itself; this says where its programme places went.
            Audit.AuditLog.Record(db, clock.GetUtcNow(), Audit.AuditedTypes.Speaker, keep.Id, null, "merged", keep.DisplayName(chinese: false), Audit.AuditLog.Change("MergedFrom", null, $"#{duplicate.Id} {duplicate.DisplayName(chinese: false)}"));
            await db.SaveChangesAsync(cancellationToken);
            if (account is not null && keep.UserId is null)
            {
                keep.LinkAccount(account);
                await db.SaveChangesAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        });
        return null;
    }
}
