using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Summit.Core.Data;
using Summit.Core.Editions;
using Summit.Core.Registrations;
using Summit.Web.Hosting;
using Summit.Web.Localization;
using Summit.Web.Registrations;

namespace Summit.Web.Pages.Registrations;

/// <summary>Seats at sessions with a seat limit, for the holder of a confirmed registration's link.</summary>
[EnableRateLimiting(SummitWebServices.FormsRateLimit)]
public sealed class SessionsModel(SummitDbContext db, SignUpForSession signUp, TimeProvider clock, IStringLocalizer<SharedResource> L) : PageModel
{
    public sealed record SessionRow(int Id, string TitleEn, string TitleZh, DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, string RoomEn, string RoomZh, bool IsCancelled, int SeatLimit, int SeatsTaken, SignupStatus? Mine, int? Position)
    {
        public string Title(bool chinese) => chinese ? TitleZh : TitleEn;

        public string Room(bool chinese) => chinese ? RoomZh : RoomEn;

        public int SeatsLeft => Math.Max(0, SeatLimit - SeatsTaken);
    }

    public Registration Registration { get; private set; } = null!;

    public Edition Edition { get; private set; } = null!;

    public IReadOnlyList<SessionRow> Rows { get; private set; } = [];

    public DateTimeOffset Now { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(string key, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(key, cancellationToken))
        {
            return NotFound();
        }

        return Page();
    }

    public async Task<IActionResult> OnPostSignUpAsync(string key, int sessionId, CancellationToken cancellationToken)
    {
        var registration = await RegistrationKeys.FindAsync(db, key, cancellationToken);
        if (registration is null)
        {
            return NotFound();
        }

        var outcome = await signUp.RunAsync(registration.Id, sessionId, cancellationToken);
        Message = SeatMessages.SignedUp(outcome, await TitleAsync(sessionId, cancellationToken), L);
        return RedirectToPage(new { key });
    }

    public async Task<IActionResult> OnPostCancelAsync(string key, int sessionId, CancellationToken cancellationToken)
    {
        var registration = await RegistrationKeys.FindAsync(db, key, cancellationToken);
        if (registration is null)
        {
            return NotFound();
        }

        var refusal = await signUp.CancelAsync(registration.Id, sessionId, cancellationToken);
        Message = SeatMessages.GaveUp(refusal, await TitleAsync(sessionId, cancellationToken), L);
        return RedirectToPage(new { key });
    }

    private async Task<string> TitleAsync(int sessionId, CancellationToken cancellationToken)
    {
        var chinese = Cultures.IsChinese(System.Globalization.CultureInfo.CurrentUICulture);
        return await db.Sessions.Where(s => s.Id == sessionId).Select(s => chinese ? s.TitleZh : s.TitleEn).FirstOrDefaultAsync(cancellationToken) ?? "";
    }

    private async Task<bool> LoadAsync(string key, CancellationToken cancellationToken)
    {
        var found = await RegistrationKeys.FindAsync(db, key, cancellationToken);
        if (found is null)
        {
            return false;
        }

        Registration = found;
        Edition = await db.Editions.AsNoTracking().FirstAsync(e => e.Id == found.EditionId, cancellationToken);
        Now = clock.GetUtcNow();
        var version = await db.ScheduleVersions.Where(v => v.EditionId == found.EditionId).OrderByDescending(v => v.Number).Select(v => (int?)v.Id).FirstOrDefaultAsync(cancellationToken);
        // The seat counts are the sessions' own (what sign-ups are checked against); the rest is the published version.
        var rows = await db.PublishedSessions.AsNoTracking()
            .Where(p => p.VersionId == version && p.SeatLimit != null && db.Sessions.Any(s => s.Id == p.SessionId && s.SeatLimit != null))
            .OrderBy(p => p.StartsAt).ThenBy(p => p.SessionId)
            .Select(p => new
            {
                p.SessionId,
                p.TitleEn,
                p.TitleZh,
                p.StartsAt,
                p.EndsAt,
                p.IsCancelled,
                Room = db.Rooms.Where(r => r.Id == p.RoomId).Select(r => new { r.NameEn, r.NameZh }).First(),
                Seats = db.Sessions.Where(s => s.Id == p.SessionId).Select(s => new { s.SeatLimit, s.SeatsTaken }).First(),
                Mine = db.SessionSignups.Where(s => s.SessionId == p.SessionId && s.RegistrationId == found.Id).Select(s => new { s.Status, s.WaitlistTicket }).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var list = new List<SessionRow>();
        foreach (var row in rows)
        {
            int? position = row.Mine?.WaitlistTicket is int ticket ? await db.SessionSignups.WaitlistPositionAsync(row.SessionId, ticket, cancellationToken) : null;
            list.Add(new SessionRow(row.SessionId, row.TitleEn, row.TitleZh, row.StartsAt, row.EndsAt, row.Room.NameEn, row.Room.NameZh, row.IsCancelled,
                row.Seats.SeatLimit ?? 0, row.Seats.SeatsTaken, row.Mine?.Status, position));
        }

        // Seats at sessions taken off the programme since: still listed, so they can be given up.
        var listed = list.Select(r => r.Id).ToList();
        var orphaned = await db.SessionSignups.AsNoTracking()
            .Where(x => x.RegistrationId == found.Id && !listed.Contains(x.SessionId))
            .Join(db.Sessions, x => x.SessionId, x => x.Id, (x, session) => new { session.Id, session.TitleEn, session.TitleZh, session.SeatLimit, session.SeatsTaken, x.Status, x.WaitlistTicket })
            .ToListAsync(cancellationToken);
        foreach (var row in orphaned)
        {
            int? position = row.WaitlistTicket is int ticket ? await db.SessionSignups.WaitlistPositionAsync(row.Id, ticket, cancellationToken) : null;
            list.Add(new SessionRow(row.Id, row.TitleEn, row.TitleZh, null, null, "", "", true, row.SeatLimit ?? 0, row.SeatsTaken, row.Status, position));
        }

        Rows = list;
        return true;
    }
}
