using Microsoft.EntityFrameworkCore;
using Summit.Core.Data;

namespace Summit.Core.Scheduling;

/// <summary>
/// Places, moves, resizes, unschedules, cancels and reinstates sessions in the working copy. Each write checks
/// <see cref="ScheduleRules"/> and saves under the edition's <see cref="ScheduleLock"/>, so what was checked is what
/// is saved.
/// </summary>
public sealed class ScheduleSession(SummitDbContext db, TimeProvider clock)
{
    /// <summary>The field a refusal for a stale version names (the API answers it with 412).</summary>
    public const string VersionField = "If-Match";

    public static class Reasons
    {
        public const string NotFound = "This session does not exist (any more).";
        public const string Changed = "The session changed since you read it; read it again and decide on what it is now.";
        public const string CancelledCannotMove = "A cancelled session cannot be moved; reinstate it first.";
        public const string PublishedCannotDelete = "The public has seen this session in a published version: cancel it instead, so calendars learn it is off.";
    }

    /// <summary>Puts a session in a room from <paramref name="startsAt"/> to <paramref name="endsAt"/>: place, move and resize are all this.</summary>
    public Task<ScheduleOutcome> PlaceAsync(int editionId, int sessionId, int roomId, DateTimeOffset startsAt, DateTimeOffset endsAt, CancellationToken cancellationToken = default) =>
        PlaceAsync(editionId, sessionId, roomId, startsAt, endsAt, null, cancellationToken);

    /// <summary>As the other overload; with <paramref name="expectedVersion"/> (the session's UpdatedAt read before), refused on <see cref="VersionField"/> when it changed since (checked under the edition's lock).</summary>
    public async Task<ScheduleOutcome> PlaceAsync(int editionId, int sessionId, int roomId, DateTimeOffset startsAt, DateTimeOffset endsAt, DateTimeOffset? expectedVersion, CancellationToken cancellationToken)
    {
        await using var transaction = await ScheduleLock.TakeAsync(db, editionId, cancellationToken);
        var session = transaction is null ? null : await FindAsync(editionId, sessionId, cancellationToken);
        if (session is null)
        {
            return ScheduleOutcome.Refuse("", Reasons.NotFound);
        }

        if (expectedVersion is { } version && session.UpdatedAt.UtcTicks != version.UtcTicks)
        {
            return ScheduleOutcome.Refuse(VersionField, Reasons.Changed);
        }

        if (session.IsCancelled)
        {
            return ScheduleOutcome.Refuse("", Reasons.CancelledCannotMove);
        }

        var refusals = await CheckAsync(session, roomId, startsAt, endsAt, cancellationToken);
        if (refusals.Count > 0)
        {
            return new(refusals);
        }

        session.Place(roomId, startsAt, endsAt, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        await transaction!.CommitAsync(cancellationToken);
        return ScheduleOutcome.Done;
    }

    public async Task<ScheduleOutcome> UnscheduleAsync(int editionId, int sessionId, CancellationToken cancellationToken = default)
    {
        await using var transaction = await ScheduleLock.TakeAsync(db, editionId, cancellationToken);
        var session = transaction is null ? null : await FindAsync(editionId, sessionId, cancellationToken);
        if (session is null)
        {
            return ScheduleOutcome.Refuse("", Reasons.NotFound);
        }

        session.Unschedule(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        await transaction!.CommitAsync(cancellationToken);
        return ScheduleOutcome.Done;
    }

    /// <summary>Cancels a session: it keeps its place so the public sees what was cancelled, but frees the room and the speakers.</summary>
    public async Task<ScheduleOutcome> CancelAsync(int editionId, int sessionId, CancellationToken cancellationToken = default)
    {
        await using var transaction = await ScheduleLock.TakeAsync(db, editionId, cancellationToken);
        var session = transaction is null ? null : await FindAsync(editionId, sessionId, cancellationToken);
        if (session is null)
        {
            return ScheduleOutcome.Refuse("", Reasons.NotFound);
        }

        session.Cancel(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        await transaction!.CommitAsync(cancellationToken);
        return ScheduleOutcome.Done;
    }

    /// <summary>Brings a cancelled session back, if its room and speakers are still free.</summary>
    public async Task<ScheduleOutcome> ReinstateAsync(int editionId, int sessionId, CancellationToken cancellationToken = default)
    {
        await using var transaction = await ScheduleLock.TakeAsync(db, editionId, cancellationToken);
        var session = transaction is null ? null : await FindAsync(editionId, sessionId, cancellationToken);
        if (session is null)
        {
            return ScheduleOutcome.Refuse("", Reasons.NotFound);
        }

        if (session.IsScheduled)
        {
            var refusals = await CheckAsync(session, session.RoomId!.Value, session.StartsAt!.Value, session.EndsAt!.Value, cancellationToken);
            if (refusals.Count > 0)
            {
                return new(refusals);
            }
        }

        session.Reinstate(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        await transaction!.CommitAsync(cancellationToken);
        return ScheduleOutcome.Done;
    }

    /// <summary>Deletes a session that was never published; a published one can only be cancelled.</summary>
    public async Task<ScheduleOutcome> DeleteAsync(int editionId, int sessionId, CancellationToken cancellationToken = default)
    {
        await using var transaction = await ScheduleLock.TakeAsync(db, editionId, cancellationToken);
        var session = transaction is null ? null : await FindAsync(editionId, sessionId, cancellationToken);
        if (session is null)
        {
            return ScheduleOutcome.Refuse("", Reasons.NotFound);
        }

        if (await db.PublishedSessions.AnyAsync(p => p.SessionId == sessionId, cancellationToken))
        {
            return ScheduleOutcome.Refuse("", Reasons.PublishedCannotDelete);
        }

        db.Sessions.Remove(session);
        await db.SaveChangesAsync(cancellationToken);
        await transaction!.CommitAsync(cancellationToken);
        return ScheduleOutcome.Done;
    }

    private Task<Session?> FindAsync(int editionId, int sessionId, CancellationToken cancellationToken) =>
        db.Sessions.FirstOrDefaultAsync(s => s.Id == sessionId && s.EditionId == editionId, cancellationToken);

    private async Task<IReadOnlyList<Editions.Refusal>> CheckAsync(Session session, int roomId, DateTimeOffset startsAt, DateTimeOffset endsAt, CancellationToken cancellationToken)
    {
        var speakerIds = session.Speakers.Select(s => s.SpeakerId).ToList();
        var facts = await ScheduleLock.LoadFactsAsync(db, session.EditionId, speakerIds, Cultures.IsChinese(System.Globalization.CultureInfo.CurrentUICulture), cancellationToken);
        return facts is null
            ? [new("", Reasons.NotFound)]
            : ScheduleRules.Check(new PlacementRequest(session.Id, speakerIds, session.SeatLimit, roomId, startsAt.ToUniversalTime(), endsAt.ToUniversalTime()), facts);
    }
}
