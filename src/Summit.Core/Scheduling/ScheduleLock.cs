using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Summit.Core.Data;
using Summit.Core.Editions;

namespace Summit.Core.Scheduling;

/// <summary>
/// Serializes writes to one edition's programme. Checking for a clash and saving the move must be one atomic step,
/// or two organizers could each place a session in the same free slot. The first statement of the transaction
/// updates the edition's row: PostgreSQL then holds that row's lock until commit, and SQLite takes its write lock
/// at once (a deferred transaction that read first could not upgrade safely), so the next writer waits and then
/// sees the first one's result.
/// </summary>
internal static class ScheduleLock
{
    public static async Task<IDbContextTransaction?> TakeAsync(SummitDbContext db, int editionId, CancellationToken cancellationToken)
    {
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var updated = await db.Editions
            .Where(e => e.Id == editionId)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.ScheduleDraftRevision, e => e.ScheduleDraftRevision + 1), cancellationToken)
            ;
        if (updated == 0)
        {
            await transaction.DisposeAsync();
            return null;
        }

        return transaction;
    }

    /// <summary>What the rules need about an edition's programme as it stands in the working copy.</summary>
    public static async Task<ScheduleFacts?> LoadFactsAsync(SummitDbContext db, int editionId, IEnumerable<int> extraSpeakerIds, bool chinese, CancellationToken cancellationToken)
    {
        var edition = await db.Editions.AsNoTracking().Where(e => e.Id == editionId)
            .Select(e => new { e.StartDate, e.EndDate, e.TimeZoneId })
            .FirstOrDefaultAsync(cancellationToken);
        if (edition is null)
        {
            return null;
        }

        var rooms = await db.Rooms.AsNoTracking().Where(r => r.EditionId == editionId)
            .Select(r => new { r.Id, r.NameEn, r.NameZh, r.Capacity })
            .ToListAsync(cancellationToken);
        var placed = await db.Sessions.AsNoTracking()
            .Where(s => s.EditionId == editionId && s.RoomId != null && s.StartsAt != null && s.EndsAt != null && !s.IsCancelled)
            .Select(s => new { s.Id, s.TitleEn, s.TitleZh, RoomId = s.RoomId!.Value, StartsAt = s.StartsAt!.Value, EndsAt = s.EndsAt!.Value, SpeakerIds = s.Speakers.Select(p => p.SpeakerId).ToList() })
            .ToListAsync(cancellationToken);
        var availability = await db.SpeakerAvailabilities.AsNoTracking().Where(a => a.EditionId == editionId)
            .Select(a => new AvailabilityWindow(a.SpeakerId, a.StartsAt, a.EndsAt))
            .ToListAsync(cancellationToken);
        var speakerIds = placed.SelectMany(p => p.SpeakerIds).Concat(extraSpeakerIds).Distinct().ToList();
        var speakers = await db.Speakers.AsNoTracking().Where(s => speakerIds.Contains(s.Id))
            .Select(s => new { s.Id, s.FamilyNameZh, s.GivenNameZh, s.FamilyNameLatin, s.GivenNameLatin, s.LatinFamilyNameFirst })
            .ToListAsync(cancellationToken);

        return new ScheduleFacts(
            edition.StartDate,
            edition.EndDate,
            TimeZoneInfo.FindSystemTimeZoneById(edition.TimeZoneId),
            rooms.ToDictionary(r => r.Id, r => new RoomFacts(r.Id, chinese ? r.NameZh : r.NameEn, r.Capacity)),
            placed.Select(p => new PlacedSession(p.Id, chinese ? p.TitleZh : p.TitleEn, p.RoomId, p.StartsAt, p.EndsAt, p.SpeakerIds)).ToList(),
            availability,
            speakers.ToDictionary(
                s => s.Id,
                s => Speakers.SpeakerNames.Display(s.FamilyNameZh, s.GivenNameZh, s.FamilyNameLatin, s.GivenNameLatin, s.LatinFamilyNameFirst, chinese)));
    }
}

/// <summary>The answer of a schedule write: done, or refused with reasons.</summary>
public sealed record ScheduleOutcome(IReadOnlyList<Refusal> Refusals)
{
    public static readonly ScheduleOutcome Done = new([]);

    public bool Succeeded => Refusals.Count == 0;

    public static ScheduleOutcome Refuse(string field, string reason) => new([new Refusal(field, reason)]);
}
