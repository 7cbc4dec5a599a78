using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Summit.Core.Data;
using Summit.Core.Registrations;
using Summit.Jobs.Badges;

namespace Summit.Web.Pages.My;

/// <summary>
/// The signed-in person's badge for the coming (or latest) edition they are confirmed for: only their own, found by the
/// account or its confirmed address. Without one, a page says why, answered as 404 (there is no PDF at this address):
/// no confirmed registration, or (rarely) one whose badge the file store did not give back just now.
/// </summary>
public sealed class BadgeModel(SummitDbContext db, BadgeService badges) : PageModel
{
    /// <summary>A confirmed registration whose badge could not be drawn or read just now (the file store failing).</summary>
    public bool NotReadable { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var mine = await (await db.OfAccountAsync(User.FindFirstValue(ClaimTypes.NameIdentifier)!, cancellationToken)).AsNoTracking()
            .Where(r => r.Status == RegistrationStatus.Confirmed)
            .Join(db.Editions, r => r.EditionId, e => e.Id, (r, e) => new { r.Id, e.Slug, e.StartDate })
            .OrderByDescending(x => x.StartDate)
            .FirstOrDefaultAsync(cancellationToken);
        if (mine is not null && await badges.OpenAsync(mine.Id, cancellationToken) is { } badge)
        {
            return Hosting.StoredFileResults.ServeFile(badge, "application/pdf", $"badge-{mine.Slug}.pdf");
        }

        NotReadable = mine is not null;
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
