using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Summit.Core.Data;
using Summit.Core.Registrations;
using Summit.Core.Scheduling;
using Summit.Web.Hosting;
using Summit.Web.Registrations;
using Summit.Web.Scheduling;

namespace Summit.Web.Pages.My;

/// <summary>
/// A seat at one session, from the session's own page: the session page is one copy for everyone, so its "Reserve a
/// seat" leads here, where the signed-in person's registration for that edition says what they may do.
/// </summary>
[EnableRateLimiting(SummitWebServices.FormsRateLimit)]
public sealed class SeatModel(SummitDbContext db, ProgrammeReader reader, PublicProgrammes programmes, SignUpForSession signUp, TimeProvider clock, IStringLocalizer<SharedResource> L) : PageModel
{
    public Programme Programme { get; private set; } = null!;

    public ProgrammeSession Session { get; private set; } = null!;

    /// <summary>The live count (what a sign-up is checked against), not the published one; null when the session takes no sign-ups.</summary>
    public int? SeatLimit { get; private set; }

    public int SeatsTaken { get; private set; }

    public int SeatsLeft => Math.Max(0, (SeatLimit ?? 0) - SeatsTaken);

    /// <summary>The person's registration for this edition (a confirmed one first), if any.</summary>
    public Registration? Registration { get; private set; }

    public SignupStatus? Mine { get; private set; }

    public int? Position { get; private set; }

    public bool Open => !Session.IsCancelled && Session.StartsAt > clock.GetUtcNow();

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(int sessionId, CancellationToken cancellationToken) =>
        await LoadAsync(sessionId, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostSignUpAsync(int sessionId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(sessionId, cancellationToken))
        {
            return NotFound();
        }

        if (Registration is not null)
        {
            Message = SeatMessages.SignedUp(await signUp.RunAsync(Registration.Id, sessionId, cancellationToken), Session.Title(Chinese), L);
        }

        return RedirectToPage(new { sessionId });
    }

    public async Task<IActionResult> OnPostCancelAsync(int sessionId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(sessionId, cancellationToken))
        {
            return NotFound();
        }

        if (Registration is not null)
        {
            Message = SeatMessages.GaveUp(await signUp.CancelAsync(Registration.Id, sessionId, cancellationToken), Session.Title(Chinese), L);
        }

        return RedirectToPage(new { sessionId });
    }

    private static bool Chinese => Cultures.IsChinese(System.Globalization.CultureInfo.CurrentUICulture);

    private async Task<bool> LoadAsync(int sessionId, CancellationToken cancellationToken)
    {
        var live = await db.Sessions.AsNoTracking().Where(s => s.Id == sessionId)
            .Select(s => new { s.EditionId, s.SeatLimit, s.SeatsTaken, Slug = db.Editions.Where(e => e.Id == s.EditionId).Select(e => e.Slug).First() })
            .FirstOrDefaultAsync(cancellationToken);
        var programme = live is null ? null : await programmes.LatestAsync(live.Slug, reader, cancellationToken);
        if (live is null || programme?.Sessions.FirstOrDefault(s => s.Id == sessionId && !s.Type.IsBreak) is not { } session)
        {
            return false;
        }

        Programme = programme;
        Session = session;
        SeatLimit = session.Published.SeatLimit is null ? null : live.SeatLimit;
        SeatsTaken = live.SeatsTaken;
        var mine = await db.OfAccountAsync(User.FindFirstValue(ClaimTypes.NameIdentifier)!, cancellationToken);
        Registration = await mine.AsNoTracking().Where(r => r.EditionId == live.EditionId)
            .OrderBy(r => r.Status == RegistrationStatus.Confirmed ? 0 : 1).ThenByDescending(r => r.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (Registration is not null)
        {
            var signup = await db.SessionSignups.AsNoTracking().Where(x => x.SessionId == sessionId && x.RegistrationId == Registration.Id)
                .Select(x => new { x.Status, x.WaitlistTicket }).FirstOrDefaultAsync(cancellationToken);
            Mine = signup?.Status;
            Position = signup?.WaitlistTicket is int ticket ? await db.SessionSignups.WaitlistPositionAsync(sessionId, ticket, cancellationToken) : null;
        }

        return true;
    }
}
