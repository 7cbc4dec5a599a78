using Microsoft.EntityFrameworkCore;
using Summit.Core.Data;
using Summit.Core.Editions;

namespace Summit.Core.Registrations;

public enum SignupResult
{
    Confirmed,
    Waitlisted,
    AlreadySignedUp,
    Refused,
}

public sealed record SignupOutcome(SignupResult Result, int? WaitlistPosition, Refusal? Refusal)
{
    public static SignupOutcome Refuse(string reason) => new(SignupResult.Refused, null, new Refusal("", reason));
}

/// <summary>
/// Seats at sessions with a seat limit, for people whose registration is confirmed. Taking a seat is one UPDATE of the
/// session's counter that tests the limit in the same statement; a full session hands out a waiting-list ticket
/// instead. Every change first locks the registration's row, so a sign-up and a cancellation of the same registration
/// never interleave: a cancelled registration cannot keep or gain a seat.
/// </summary>
public sealed class SignUpForSession(SummitDbContext db, TimeProvider clock, RegistrationEvents events)
{
    public static class Reasons
    {
        public const string NotConfirmed = "Only a confirmed registration can reserve seats at sessions.";
        public const string NoSignup = "This session does not take sign-ups.";
        public const string SessionCancelled = "This session has been cancelled.";
        public const string SessionStarted = "This session has already started.";
        public const string NotSignedUp = "You have no seat or place in line at this session.";
    }

    public async Task<SignupOutcome> RunAsync(int registrationId, int sessionId, CancellationToken cancellationToken = default)
    {
        var editionId = await db.Registrations.Where(r => r.Id == registrationId).Select(r => (int?)r.EditionId).FirstOrDefaultAsync(cancellationToken);
        if (editionId is null)
        {
            return SignupOutcome.Refuse(Reasons.NotConfirmed);
        }

        // The public sees the latest published version, so that is what decides whether the session takes sign-ups.
        var published = await db.PublishedSessions.AsNoTracking()
            .Where(p => p.SessionId == sessionId && p.VersionId == db.ScheduleVersions.Where(v => v.EditionId == editionId).OrderByDescending(v => v.Number).Select(v => v.Id).FirstOrDefault())
            .Select(p => new { p.SeatLimit, p.IsCancelled, p.StartsAt, WorkingLimit = db.Sessions.Where(s => s.Id == p.SessionId).Select(s => s.SeatLimit).FirstOrDefault() })
            .FirstOrDefaultAsync(cancellationToken);
        if (published?.SeatLimit is null || published.WorkingLimit is null)
        {
            return SignupOutcome.Refuse(Reasons.NoSignup);
        }

        if (published.IsCancelled)
        {
            return SignupOutcome.Refuse(Reasons.SessionCancelled);
        }

        var now = clock.GetUtcNow();
        if (published.StartsAt <= now)
        {
            return SignupOutcome.Refuse(Reasons.SessionStarted);
        }

        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (!await LockRegistrationAsync(db, registrationId, confirmedOnly: true, cancellationToken))
            {
                return SignupOutcome.Refuse(Reasons.NotConfirmed);
            }

            // Then the session's counter row, before reading anything about its seats: a seat freed (or a limit raised)
            // by another transaction is either committed before this reads the counter, or waits until this commits
            // and then promotes the ticket taken here. Nobody is left waiting next to a free seat.
            var limit = await LockSessionAsync(db, sessionId, cancellationToken);
            if (limit is null)
            {
                return SignupOutcome.Refuse(Reasons.NoSignup);
            }

            var existing = await db.SessionSignups.AsNoTracking()
                .Where(s => s.SessionId == sessionId && s.RegistrationId == registrationId)
                .Select(s => new { s.WaitlistTicket })
                .FirstOrDefaultAsync(cancellationToken);
            if (existing is not null)
            {
                return new SignupOutcome(SignupResult.AlreadySignedUp, existing.WaitlistTicket is int held ? await PositionAsync(sessionId, held) : null, null);
            }

            int? ticket = await TryTakeSeatAsync(db, sessionId, cancellationToken) ? null : await NextTicketAsync(db, sessionId, cancellationToken);
            db.SessionSignups.Add(SessionSignup.Create(sessionId, registrationId, ticket, now));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return ticket is int mine
                ? new SignupOutcome(SignupResult.Waitlisted, await PositionAsync(sessionId, mine), null)
                : new SignupOutcome(SignupResult.Confirmed, null, null);
        });

        Task<int> PositionAsync(int session, int ticket) => db.SessionSignups.WaitlistPositionAsync(session, ticket, cancellationToken);
    }

    /// <summary>Gives up a seat or a place in line; a freed seat goes to the first in the session's line.</summary>
    public async Task<Refusal?> CancelAsync(int registrationId, int sessionId, CancellationToken cancellationToken = default)
    {
        var promoted = new List<SignupPromoted>();
        var strategy = db.Database.CreateExecutionStrategy();
        var refusal = await strategy.ExecuteAsync(async () =>
        {
            promoted.Clear();
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await LockRegistrationAsync(db, registrationId, confirmedOnly: false, cancellationToken);
            var released = await ReleaseAsync(db, [registrationId], sessionId, clock.GetUtcNow(), cancellationToken);
            if (released is null)
            {
                return new Refusal("", Reasons.NotSignedUp);
            }

            promoted.AddRange(released);
            events.Record(promoted);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return null;
        });
        db.ChangeTracker.Clear();
        return refusal;
    }

    /// <summary>
    /// Removes the sign-ups of the given registrations (at one session, or all), frees their seats and fills them from
    /// each session's waiting list, first come first served. The caller's transaction holds the registrations' row
    /// locks, so their sign-ups cannot change under it; this locks the sessions (in id order) before reading the
    /// sign-ups, so what it frees is what was taken, and promotions elsewhere cannot interleave. The caller saves.
    /// Null when there was nothing to release.
    /// </summary>
    internal static async Task<List<SignupPromoted>?> ReleaseAsync(SummitDbContext db, IReadOnlyCollection<int> registrationIds, int? sessionId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var sessions = await db.SessionSignups
            .Where(s => registrationIds.Contains(s.RegistrationId) && (sessionId == null || s.SessionId == sessionId))
            .Select(s => s.SessionId).Distinct().OrderBy(id => id)
            .ToListAsync(cancellationToken);
        if (sessions.Count == 0)
        {
            return null;
        }

        foreach (var session in sessions)
        {
            await LockSessionAsync(db, session, cancellationToken);
        }

        var signups = await db.SessionSignups
            .Where(s => registrationIds.Contains(s.RegistrationId) && sessions.Contains(s.SessionId))
            .ToListAsync(cancellationToken);
        db.SessionSignups.RemoveRange(signups);
        await db.SaveChangesAsync(cancellationToken);
        var promoted = new List<SignupPromoted>();
        foreach (var session in sessions)
        {
            var freed = signups.Count(s => s.SessionId == session && s.Status == SignupStatus.Confirmed);
            if (freed == 0)
            {
                continue;
            }

            await db.Sessions.Where(s => s.Id == session)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.SeatsTaken, x => x.SeatsTaken - freed), cancellationToken);
            promoted.AddRange(await PromoteAsync(db, session, now, cancellationToken));
        }

        return promoted;
    }

    /// <summary>
    /// Fills free seats of a session from its waiting list (after a seat was freed or the limit raised). The caller
    /// holds the session's row lock. A cancelled or started session promotes nobody: a seat there is no news.
    /// </summary>
    internal static async Task<List<SignupPromoted>> PromoteAsync(SummitDbContext db, int sessionId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var promoted = new List<SignupPromoted>();
        var open = await db.Sessions.AnyAsync(s => s.Id == sessionId && !s.IsCancelled && (s.StartsAt == null || s.StartsAt > now), cancellationToken);
        if (!open)
        {
            return promoted;
        }

        while (true)
        {
            var taken = promoted.Select(p => p.RegistrationId).ToList();
            var next = await db.SessionSignups
                .Where(s => s.SessionId == sessionId && s.Status == SignupStatus.Waitlisted && !taken.Contains(s.RegistrationId))
                .OrderBy(s => s.WaitlistTicket).ThenBy(s => s.Id)
                .FirstOrDefaultAsync(cancellationToken);
            if (next is null || !await TryTakeSeatAsync(db, sessionId, cancellationToken))
            {
                return promoted;
            }

            next.Promote(now);
            promoted.Add(new SignupPromoted(next.RegistrationId, sessionId));
        }
    }

    private static async Task<bool> TryTakeSeatAsync(SummitDbContext db, int sessionId, CancellationToken cancellationToken) =>
        await db.Sessions
            .Where(s => s.Id == sessionId && s.SeatLimit != null && s.SeatsTaken < s.SeatLimit)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.SeatsTaken, x => x.SeatsTaken + 1), cancellationToken)
             == 1;

    private static async Task<int> NextTicketAsync(SummitDbContext db, int sessionId, CancellationToken cancellationToken)
    {
        var tickets = await db.Database
            .SqlQuery<int>($"UPDATE \"Sessions\" SET \"LastSignupTicket\" = \"LastSignupTicket\" + 1 WHERE \"Id\" = {sessionId} RETURNING \"LastSignupTicket\" AS \"Value\"")
            .ToListAsync(cancellationToken);
        return tickets.Single();
    }

    /// <summary>The session's row lock (its seat counter); the seat limit of the working copy, null when it takes no sign-ups.</summary>
    private static async Task<int?> LockSessionAsync(SummitDbContext db, int sessionId, CancellationToken cancellationToken)
    {
        await db.Sessions.Where(s => s.Id == sessionId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.SeatsTaken, x => x.SeatsTaken), cancellationToken);
        return await db.Sessions.Where(s => s.Id == sessionId).Select(s => s.SeatLimit).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>The transaction's first statement: the registration's row lock (and SQLite's write lock).</summary>
    private static async Task<bool> LockRegistrationAsync(SummitDbContext db, int registrationId, bool confirmedOnly, CancellationToken cancellationToken) =>
        await db.Registrations
            .Where(r => r.Id == registrationId && (!confirmedOnly || r.Status == RegistrationStatus.Confirmed))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.UpdatedAt, r => r.UpdatedAt), cancellationToken)
             == 1;
}
