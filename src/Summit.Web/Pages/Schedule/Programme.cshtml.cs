using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Summit.Core.Data;
using Summit.Core.Editions;
using Summit.Core.Scheduling;
using Summit.Jobs.Scheduling;

namespace Summit.Web.Pages.Schedule;

/// <summary>Explains that the printed programme is being prepared (or not published yet) and retries the download.</summary>
public sealed class ProgrammeModel(SummitDbContext db, ProgrammeReader reader, ProgrammePdfStore store) : PageModel
{
    public Edition Edition { get; private set; } = null!;

    public int Version { get; private set; }

    public async Task<IActionResult> OnGetAsync(string edition, CancellationToken cancellationToken)
    {
        var slug = edition.ToLowerInvariant();
        var found = await db.Editions.AsNoTracking().Public().WithSlug(slug).FirstOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return NotFound();
        }

        Edition = found;
        Version = await reader.LatestNumberAsync(slug, cancellationToken);
        if (Version > 0 && await store.ExistsAsync(slug, Version, cancellationToken))
        {
            return Redirect($"/{slug}/programme.pdf");
        }

        Response.Headers.RetryAfter = "5";
        return Page();
    }
}
