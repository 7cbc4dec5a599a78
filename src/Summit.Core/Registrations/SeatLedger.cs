using Microsoft.EntityFrameworkCore;
using Summit.Core.Data;

namespace Summit.Core.Registrations;

/// <summary>
/// The seat counters of a category. Each change is one UPDATE whose WHERE clause tests the capacity, so the database
/// itself decides who gets the last seat: on PostgreSQL the row lock queues concurrent updates and re-checks the
/// condition, on SQLite writers are serialized. Callers run these inside their own transaction, so a seat taken
/// for a registration that then fails to save is given back by the rollback.
/// </summary>
internal static class SeatLedger
{
    public static async Task<bool> TryTakeSeatAsync(SummitDbContext db, int categoryId, CancellationToken cancellationToken) =>
        await db.RegistrationCategories
            .Where(c => c.Id == categoryId && (c.Capacity == null || c.Confirmed < c.Capacity))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Confirmed, c => c.Confirmed + 1), cancellationToken)
             == 1;

    public static Task ReleaseSeatAsync(SummitDbContext db, int categoryId, CancellationToken cancellationToken) =>
        db.RegistrationCategories
            .Where(c => c.Id == categoryId && c.Confirmed > 0)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Confirmed, c => c.Confirmed - 1), cancellationToken);

    /// <summary>The next waiting-list ticket of the category (1, 2, 3…), handed out under the category's row lock.</summary>
    public static async Task<int> NextTicketAsync(SummitDbContext db, int categoryId, CancellationToken cancellationToken)
    {
        // One round trip: UPDATE … RETURNING (SQLite 3.35+ and PostgreSQL both have it).
        var tickets = await db.Database
            .SqlQuery<int>($"UPDATE \"RegistrationCategories\" SET \"LastWaitlistTicket\" = \"LastWaitlistTicket\" + 1 WHERE \"Id\" = {categoryId} RETURNING \"LastWaitlistTicket\" AS \"Value\"")
            .ToListAsync(cancellationToken);
        return tickets.Single();
    }

    /// <summary>Takes the category's row lock first thing in a transaction, so promotions run one at a time.</summary>
    public static Task LockAsync(SummitDbContext db, int categoryId, CancellationToken cancellationToken) =>
        db.RegistrationCategories
            .Where(c => c.Id == categoryId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.LastWaitlistTicket, c => c.LastWaitlistTicket), cancellationToken);

    /// <summary>
    /// Fills free seats from the waiting list, earliest ticket first, until the category is full or the list empty.
    /// Returns the registrations promoted (tracked; the caller saves).
    /// </summary>
    public static async Task<List<Registration>> PromoteAsync(SummitDbContext db, int categoryId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var promoted = new List<Registration>();
        while (true)
        {
            var taken = promoted.Select(p => p.Id).ToList();
            var next = await db.Registrations
                .Where(r => r.CategoryId == categoryId && r.Status == RegistrationStatus.Waitlisted && !taken.Contains(r.Id))
                .OrderBy(r => r.WaitlistTicket).ThenBy(r => r.Id)
                .FirstOrDefaultAsync(cancellationToken);
            if (next is null || !await TryTakeSeatAsync(db, categoryId, cancellationToken))
            {
                return promoted;
            }

            next.MoveTo(RegistrationStatus.Confirmed, now);
            promoted.Add(next);
        }
    }

    public static Task<int> PositionAsync(SummitDbContext db, int categoryId, int ticket, CancellationToken cancellationToken) =>
        db.Registrations.WaitlistPositionAsync(categoryId, ticket, cancellationToken);
}
