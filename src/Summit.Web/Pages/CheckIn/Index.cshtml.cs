using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Summit.Core.Data;
using Summit.Core.Editions;
using Summit.Core.Registrations;
using Summit.Web.Hosting;

namespace Summit.Web.Pages.CheckIn;

/// <summary>
/// The door: scan a badge (camera where the browser can, or type the code) and see at a glance who it is and whether
/// they may go in; beside it, arrivals so far per category and per quarter hour. For organizers and check-in staff.
/// </summary>
[EnableRateLimiting(SummitWebServices.CheckInRateLimit)]
public sealed class IndexModel(SummitDbContext db, CheckInAttendee checkIn, CheckInQueries queries) : PageModel
{
    public const string DeskCookie = "summit-desk";

    public Edition? Edition { get; private set; }

    public IReadOnlyList<CategoryArrivals> Categories { get; private set; } = [];

    /// <summary>Arrivals per quarter hour, in the edition's time zone, the most recent 32 quarters that had any.</summary>
    public IReadOnlyList<(DateTimeOffset Start, int Count)> Quarters { get; private set; } = [];

    public CheckInOutcome? Outcome { get; private set; }

    /// <summary>The speaker's approved photo, when the badge is a speaker's: the desk sees the face it should expect.</summary>
    public string? PhotoKey { get; private set; }

    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? Desk { get; set; }

    public async Task OnGetAsync(string? edition, CancellationToken cancellationToken)
    {
        Desk = CheckInAttendee.CleanDesk(Request.Cookies[DeskCookie]);
        await LoadAsync(edition, cancellationToken);
    }

    public async Task OnPostAsync(string? edition, CancellationToken cancellationToken)
    {
        Desk = CheckInAttendee.CleanDesk(Desk) ?? CheckInAttendee.CleanDesk(Request.Cookies[DeskCookie]);
        if (Desk is not null)
        {
            Response.Cookies.Append(DeskCookie, Desk, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true, MaxAge = TimeSpan.FromDays(7) });
        }

        await LoadAsync(edition, cancellationToken);
        if (Edition is not null)
        {
            Outcome = await checkIn.RunAsync(Code, Edition.Id, Desk, User.FindFirstValue(ClaimTypes.NameIdentifier), cancellationToken);
            if (Outcome.SpeakerId is int speaker)
            {
                PhotoKey = await db.SpeakerPhotos.AsNoTracking().Where(p => p.SpeakerId == speaker && p.Status == Summit.Core.Speakers.PhotoStatus.Approved).Select(p => p.Key).FirstOrDefaultAsync(cancellationToken);
            }
            await LoadAsync(Edition.Slug, cancellationToken);
        }

        Code = null;
        ModelState.Clear();
    }

    private async Task LoadAsync(string? slug, CancellationToken cancellationToken)
    {
        var editions = db.Editions.AsNoTracking();
        Edition = slug is { Length: > 0 }
            ? await editions.WithSlug(slug.ToLowerInvariant()).FirstOrDefaultAsync(cancellationToken)
            : await editions.Where(e => e.Status == EditionStatus.Open || e.Status == EditionStatus.Closed).OrderByDescending(e => e.StartDate).FirstOrDefaultAsync(cancellationToken);
        if (Edition is null)
        {
            return;
        }

        var editionId = Edition.Id;
        Categories = await queries.ArrivalsAsync(editionId, cancellationToken);
        var arrivals = await db.Registrations.AsNoTracking()
            .Where(r => r.EditionId == editionId && r.CheckedInAt != null)
            .Select(r => r.CheckedInAt!.Value)
            .ToListAsync(cancellationToken);
        var zone = Edition.TimeZone;
        Quarters = arrivals
            .Select(a => TimeZoneInfo.ConvertTime(a, zone))
            .GroupBy(a => new DateTimeOffset(a.Year, a.Month, a.Day, a.Hour, a.Minute / 15 * 15, 0, a.Offset))
            .OrderBy(g => g.Key)
            .Select(g => (g.Key, g.Count()))
            .TakeLast(32)
            .ToList();
    }
}
