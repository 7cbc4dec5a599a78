using Microsoft.EntityFrameworkCore;
using Summit.Core.Data;
using Summit.Core.Press;
using Summit.Core.Scheduling;

namespace Summit.Core.Registrations;

/// <summary>What cancelling (declining, erasing) these registrations would do, for the confirmation page: nothing is changed.</summary>
public sealed record CancellingRegistrations(IReadOnlyList<string> Names, int SeatsFreed, IReadOnlyList<string> Promoted, int SessionSeats);

/// <summary>What cancelling a session would do once published, for the confirmation page.</summary>
public sealed record CancellingSession(string Title, bool Published, int SeatsReserved, int SavedInAgendas, int ArticlesFollowing);

/// <summary>
/// The consequences a person is asked to confirm, read with the same rules the change applies (the waiting list in
/// ticket order, seats at sessions only for confirmed registrations) and without changing anything.
/// </summary>
public static class WhatWouldHappen
{
    public static async Task<CancellingRegistrations> CancellingAsync(SummitDbContext db, IReadOnlyCollection<int> ids, bool chinese, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var chosen = await db.Registrations.AsNoTracking()
            .Where(r => ids.Contains(r.Id) && r.Status != RegistrationStatus.Cancelled && r.Status != RegistrationStatus.Declined)
            .OrderBy(r => r.Id).ToListAsync(cancellationToken);
        var promoted = new List<string>();
        var freed = 0;
        foreach (var category in chosen.Where(r => r.Status == RegistrationStatus.Confirmed).GroupBy(r => r.CategoryId))
        {
            var seats = category.Count();
            freed += seats;
            var waiting = await db.Registrations.AsNoTracking()
                .Where(r => r.CategoryId == category.Key && r.Status == RegistrationStatus.Waitlisted && !ids.Contains(r.Id))
                .OrderBy(r => r.WaitlistTicket).ThenBy(r => r.Id).Take(seats).ToListAsync(cancellationToken);
            promoted.AddRange(waiting.Select(r => r.DisplayName(chinese)));
        }

        var confirmedIds = chosen.Where(r => r.Status == RegistrationStatus.Confirmed).Select(r => r.Id).ToList();
        var sessionSeats = await db.SessionSignups.AsNoTracking().CountAsync(s => confirmedIds.Contains(s.RegistrationId), cancellationToken);
        return new(chosen.Select(r => r.DisplayName(chinese)).ToList(), freed, promoted, sessionSeats);
    }

    public static async Task<CancellingSession?> CancellingSessionAsync(SummitDbContext db, int editionId, int sessionId, bool chinese, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var session = await db.Sessions.AsNoTracking().Where(s => s.Id == sessionId && s.EditionId == editionId)
            .Select(s => new { s.TitleEn, s.TitleZh }).FirstOrDefaultAsync(cancellationToken);
        if (session is null)
        {
            return null;
        }

        var published = await db.PublishedSessions.AsNoTracking().AnyAsync(p => p.SessionId == sessionId, cancellationToken);
        var seats = await db.SessionSignups.AsNoTracking().CountAsync(s => s.SessionId == sessionId && s.Status == SignupStatus.Confirmed, cancellationToken);
        var stars = await db.AgendaStars.AsNoTracking().CountAsync(s => s.SessionId == sessionId, cancellationToken);
        var articles = await db.Articles.AsNoTracking().CountAsync(a => a.PublishSessionId == sessionId && a.Status == ArticleStatus.Scheduled, cancellationToken);
        return new(chinese ? session.TitleZh : session.TitleEn, published, seats, stars, articles);
    }
}
