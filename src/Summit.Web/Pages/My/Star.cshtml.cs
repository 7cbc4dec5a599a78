using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Summit.Core.Data;
using Summit.Core.Scheduling;

namespace Summit.Web.Pages.My;

/// <summary>
/// A star on a page shared by everyone signed in, followed without script (decision 0020): says whether the session is
/// in the visitor's agenda and offers the one change that applies, with their own antiforgery token.
/// </summary>
public sealed class StarModel(SummitDbContext db, ProgrammeReader reader, Summit.Web.Scheduling.PublicProgrammes programmes) : PageModel
{
    public Programme Programme { get; private set; } = null!;

    public ProgrammeSession Session { get; private set; } = null!;

    public bool Starred { get; private set; }

    public string ReturnUrl { get; private set; } = "/my/agenda";

    public async Task<IActionResult> OnGetAsync(int sessionId, string? returnUrl, CancellationToken cancellationToken)
    {
        var slug = await db.Editions.AsNoTracking().Where(e => db.Sessions.Any(s => s.Id == sessionId && s.EditionId == e.Id)).Select(e => e.Slug).FirstOrDefaultAsync(cancellationToken);
        var programme = slug is null ? null : await programmes.LatestAsync(slug, reader, cancellationToken);
        if (programme?.Sessions.FirstOrDefault(s => s.Id == sessionId && !s.Type.IsBreak) is not { } session)
        {
            return NotFound();
        }

        Programme = programme;
        Session = session;
        ReturnUrl = Url.IsLocalUrl(returnUrl) ? returnUrl! : $"/{programme.Edition.Slug}/sessions/{sessionId}";
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        Starred = await db.AgendaStars.AnyAsync(s => s.UserId == userId && s.SessionId == sessionId, cancellationToken);
        return Page();
    }
}
