using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Summit.Core.Data;
using Summit.Core.Scheduling;
using Summit.Web.Hosting;
using Summit.Web.Localization;

namespace Summit.Web.Pages.My;

/// <summary>The sessions a signed-in visitor starred, and their private calendar feed address.</summary>
public sealed class AgendaModel(SummitDbContext db, ProgrammeReader reader, PersonalAgenda agenda, IStringLocalizer<SharedResource> L) : PageModel
{
    public IReadOnlyList<(Core.Scheduling.Programme Programme, IReadOnlyList<ProgrammeSession> Sessions)> Editions { get; private set; } = [];

    public bool HasFeed { get; private set; }

    /// <summary>Shown once, right after it is made: only its hash is kept.</summary>
    [TempData]
    public string? NewFeedUrl { get; set; }

    [TempData]
    public string? Message { get; set; }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var starred = await db.AgendaStars.AsNoTracking().Where(s => s.UserId == UserId).Select(s => s.SessionId).ToListAsync(cancellationToken);
        var slugs = await db.Editions.AsNoTracking()
            .Where(e => db.Sessions.Any(s => s.EditionId == e.Id && starred.Contains(s.Id)))
            .OrderByDescending(e => e.StartDate)
            .Select(e => e.Slug)
            .ToListAsync(cancellationToken);
        var editions = new List<(Core.Scheduling.Programme, IReadOnlyList<ProgrammeSession>)>();
        foreach (var slug in slugs)
        {
            if (await reader.LatestAsync(slug, cancellationToken) is { } programme)
            {
                editions.Add((programme, programme.Sessions.Where(s => starred.Contains(s.Id)).ToList()));
            }
        }

        Editions = editions;
        HasFeed = await db.AgendaFeeds.AnyAsync(f => f.UserId == UserId, cancellationToken);
    }

    public async Task<IActionResult> OnPostStarAsync(int sessionId, string? returnUrl, CancellationToken cancellationToken)
    {
        var refusal = await agenda.StarAsync(UserId, sessionId, cancellationToken);
        if (refusal is not null)
        {
            if (FromScript)
            {
                return new JsonResult(new { sessionId, starred = false, message = RefusalMessages.Text(refusal, L) }) { StatusCode = StatusCodes.Status409Conflict };
            }

            Message = RefusalMessages.Text(refusal, L);
            return RedirectToPage();
        }

        return FromScript ? new JsonResult(new { sessionId, starred = true }) : LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/my/agenda");
    }

    public async Task<IActionResult> OnPostUnstarAsync(int sessionId, string? returnUrl, CancellationToken cancellationToken)
    {
        await agenda.UnstarAsync(UserId, sessionId, cancellationToken);
        return FromScript ? new JsonResult(new { sessionId, starred = false }) : LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/my/agenda");
    }

    /// <summary>A star toggled by personal.js on a shared page asks for JSON, not for the page to follow.</summary>
    private bool FromScript => Request.Headers.Accept.Any(a => a?.Contains("application/json", StringComparison.Ordinal) == true);

    public async Task<IActionResult> OnPostNewFeedAsync(CancellationToken cancellationToken)
    {
        var token = await agenda.NewFeedAsync(UserId, cancellationToken);
        NewFeedUrl = HttpContext.PublicUri($"/feeds/agenda/{token}.ics").ToString();
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRevokeFeedAsync(CancellationToken cancellationToken)
    {
        await agenda.RevokeFeedAsync(UserId, cancellationToken);
        Message = L["Your calendar feed address no longer works."];
        return RedirectToPage();
    }
}
