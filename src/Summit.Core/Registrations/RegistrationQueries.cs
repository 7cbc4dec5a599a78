using Microsoft.EntityFrameworkCore;

namespace Summit.Core.Registrations;

public static class RegistrationQueries
{
    /// <summary>A waitlisted registration's place in line: 1 for the next to get a seat.</summary>
    public static Task<int> WaitlistPositionAsync(this IQueryable<Registration> registrations, int categoryId, int ticket, CancellationToken cancellationToken = default) =>
        registrations.CountAsync(r => r.CategoryId == categoryId && r.Status == RegistrationStatus.Waitlisted && r.WaitlistTicket <= ticket, cancellationToken);
}
