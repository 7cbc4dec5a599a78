using Microsoft.EntityFrameworkCore;
using Summit.Core.Data;

namespace Summit.Core.Registrations;

public static class RegistrationQueries
{
    /// <summary>
    /// A signed-in person's registrations: those linked to the account, and those made with its address once the
    /// address is confirmed (so an account cannot claim someone else's registration by typing their address). Erased
    /// ones are gone.
    /// </summary>
    public static async Task<IQueryable<Registration>> OfAccountAsync(this SummitDbContext db, string userId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var email = await db.Users.Where(u => u.Id == userId && u.EmailConfirmed).Select(u => u.NormalizedEmail).FirstOrDefaultAsync(cancellationToken);
        // Identity keeps addresses upper-cased; registrations keep theirs lower-cased.
        var normalized = email?.ToLowerInvariant();
        return db.Registrations.Where(r => r.ErasedAt == null && (r.UserId == userId || (normalized != null && r.NormalizedEmail == normalized)));
    }

    /// <summary>A waitlisted registration's place in line: 1 for the next to get a seat.</summary>
    public static Task<int> WaitlistPositionAsync(this IQueryable<Registration> registrations, int categoryId, int ticket, CancellationToken cancellationToken = default) =>
        registrations.CountAsync(r => r.CategoryId == categoryId && r.Status == RegistrationStatus.Waitlisted && r.WaitlistTicket <= ticket, cancellationToken);

    /// <summary>1 for the first in line of the session's waiting list.</summary>
    public static Task<int> WaitlistPositionAsync(this IQueryable<SessionSignup> signups, int sessionId, int ticket, CancellationToken cancellationToken = default) =>
        signups.CountAsync(s => s.SessionId == sessionId && s.Status == SignupStatus.Waitlisted && s.WaitlistTicket <= ticket, cancellationToken);
}
