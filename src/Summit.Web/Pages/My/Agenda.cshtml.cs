using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Summit.Core.Data;
using Microsoft.AspNetCore.OutputCaching;
using Summit.Core.Scheduling;
using Summit.Core.Site;
using Summit.Web.Hosting;
using Summit.Web.Localization;
using Summit.Web.Scheduling;

namespace Summit.Web.Pages.My;

/// <summary>
/// The sessions a signed-in visitor starred, and their private calendar feed address. Cached per sign-in cookie
/// (decision 0020); every change here evicts the person's copy on every node.
/// </summary>
[OutputCache(PolicyName = PersonalPageCachePolicy.Name)]
public sealed class AgendaModel(SummitDbContext db, ProgrammeReader reader, PublicProgrammes programmes, PersonalAgenda agenda, CacheEvictions evictions, IStringLocalizer<SharedResource> L) : PageModel
{
    public IReadOnlyList<(Core.Scheduling.Programme Programme, IReadOnlyList<ProgrammeSession> Sessions)> Editions { get; private set; } = [];

    public bool HasFeed { get; private set; }

    /// <summary>Right after it is made, or when its owner asks to see it again ("Show my feed address").</summary>
    public string? NewFeedUrl { get; private set; }

    /// <summary>The same address for calendar apps that subscribe from a click (webcal://).</summary>
    public string? WebcalUrl => NewFeedUrl is { } url ? "webcal://" + url[(url.IndexOf("://", StringComparison.Ordinal) + 3)..] : null;

    /// <summary>The feed was made before its address was kept: it works, but only a new one can be shown.</summary>
    public bool FeedNotShowable { get; private set; }

    public string? Message { get; private set; }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // TempData only when there is some: reading it makes the answer delete its cookie, and a copy that sets a
        // cookie is not cached (PersonalPageCachePolicy).
        if (Request.Cookies.ContainsKey(PersonalPageCachePolicy.TempDataCookie))
        {
            NewFeedUrl = TempData[nameof(NewFeedUrl)] as string;
            Message = TempData[nameof(Message)] as string;
        }

        var starred = await db.AgendaStars.AsNoTracking().Where(s => s.UserId == UserId).Select(s => s.SessionId).ToListAsync(cancellationToken);
        var slugs = await db.Editions.AsNoTracking()
            .Where(e => db.Sessions.Any(s => s.EditionId == e.Id && starred.Contains(s.Id)))
            .OrderByDescending(e => e.StartDate)
            .Select(e => e.Slug)
            .ToListAsync(cancellationToken);
        var editions = new List<(Core.Scheduling.Programme, IReadOnlyList<ProgrammeSession>)>();
        foreach (var slug in slugs)
        {
            if (await programmes.LatestAsync(slug, reader, cancellationToken) is { } programme)
            {
                PersonalPageCachePolicy.Tag(HttpContext, ProgrammeCachePolicy.Tag(slug));
                editions.Add((programme, programme.Sessions.Where(s => starred.Contains(s.Id)).ToList()));
            }
        }

        Editions = editions;
        HasFeed = await db.AgendaFeeds.AnyAsync(f => f.UserId == UserId, cancellationToken);
    }

    public async Task<IActionResult> OnPostStarAsync(int sessionId, string? returnUrl, CancellationToken cancellationToken)
    {
        var refusal = await agenda.StarAsync(UserId, sessionId, cancellationToken);
        await ForgetCopyAsync(cancellationToken);
        if (refusal is not null)
        {
            if (FromScript)
            {
                return new JsonResult(new { sessionId, starred = false, message = RefusalMessages.Text(refusal, L) }) { StatusCode = StatusCodes.Status409Conflict };
            }

            TempData[nameof(Message)] = RefusalMessages.Text(refusal, L);
            return RedirectToPage();
        }

        return FromScript ? new JsonResult(new { sessionId, starred = true }) : LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/my/agenda");
    }

    public async Task<IActionResult> OnPostUnstarAsync(int sessionId, string? returnUrl, CancellationToken cancellationToken)
    {
        await agenda.UnstarAsync(UserId, sessionId, cancellationToken);
        await ForgetCopyAsync(cancellationToken);
        return FromScript ? new JsonResult(new { sessionId, starred = false }) : LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/my/agenda");
    }

    /// <summary>The person's cached agenda is stale once they changed it: dropped on every node.</summary>
    private Task ForgetCopyAsync(CancellationToken cancellationToken) => evictions.EvictAsync(PersonalPageCachePolicy.PersonTag(UserId), cancellationToken);

    /// <summary>A star toggled by personal.js on a shared page asks for JSON, not for the page to follow.</summary>
    private bool FromScript => Request.Headers.Accept.Any(a => a?.Contains("application/json", StringComparison.Ordinal) == true);

    public async Task<IActionResult> OnPostNewFeedAsync(CancellationToken cancellationToken)
    {
        var token = await agenda.NewFeedAsync(UserId, cancellationToken);
        await ForgetCopyAsync(cancellationToken);
        TempData[nameof(NewFeedUrl)] = HttpContext.PublicUri($"/feeds/agenda/{token}.ics").ToString();
        return RedirectToPage();
    }

    /// <summary>The feed's address again, on this answer only (a POST, never cached or stored by the browser).</summary>
    public async Task<IActionResult> OnPostShowFeedAsync(CancellationToken cancellationToken)
    {
        await OnGetAsync(cancellationToken);
        Response.Headers.CacheControl = "no-store";
        if (await agenda.FeedTokenAsync(UserId, cancellationToken) is { } token)
        {
            NewFeedUrl = HttpContext.PublicUri($"/feeds/agenda/{token}.ics").ToString();
        }
        else
        {
            FeedNotShowable = HasFeed;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostRevokeFeedAsync(CancellationToken cancellationToken)
    {
        await agenda.RevokeFeedAsync(UserId, cancellationToken);
        await ForgetCopyAsync(cancellationToken);
        TempData[nameof(Message)] = L["Your calendar feed address no longer works."].Value;
        return RedirectToPage();
    }
}
