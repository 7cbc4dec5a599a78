using Microsoft.EntityFrameworkCore;

namespace Summit.Core.Registrations;

public static class RegistrationQueries
{
    /// <summary>A waitlisted registration's place in line: 1 for the next to get a seat.</summary>
    public static Task<int> WaitlistPositionAsync(this IQueryable<Registration> registrations, int categoryId, int ticket, CancellationToken cancellationToken = default) =>
        registrations.CountAsync(r => r.CategoryId == categoryId && r.Status == RegistrationStatus.Waitlisted && r.WaitlistTicket <= ticket, cancellationToken);

    /// <summary>1 for the first in line of the session's waiting list.</summary>
    public static Task<int> WaitlistPositionAsync(this IQueryable<SessionSignup> signups, int sessionId, int ticket, CancellationToken cancellationToken = default) =>
        signups.CountAsync(s => s.SessionId == sessionId && s.Status == SignupStatus.Waitlisted && s.WaitlistTicket <= ticket, cancellationToken);
}
