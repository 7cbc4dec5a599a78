using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Summit.Core.Accounts;
using Summit.Core.Data;
using Summit.Core.Editions;

namespace Summit.Web.Pages;

/// <summary>The edition's home page: <c>/</c> shows the current edition, <c>/2021</c> a given one.</summary>
public sealed class IndexModel(SummitDbContext db) : PageModel
{
    public Edition? Edition { get; private set; }

    public IReadOnlyList<EditionRow> Editions { get; private set; } = [];

    public sealed record EditionRow(string Slug, string NameEn, string NameZh, DateOnly StartDate, DateOnly EndDate, EditionStatus Status);

    public async Task<IActionResult> OnGetAsync(string? edition, CancellationToken cancellationToken)
    {
        var visible = User.IsInRole(Roles.Organizer) ? db.Editions.AsNoTracking() : db.Editions.AsNoTracking().Public();
        Edition = edition is null
            ? await db.Editions.AsNoTracking().CurrentFirst().FirstOrDefaultAsync(cancellationToken)
            : await visible.FirstOrDefaultAsync(e => e.Slug == Slug(edition), cancellationToken);
        if (edition is not null && Edition is null)
        {
            return NotFound();
        }

        Editions = await db.Editions.AsNoTracking().Public()
            .OrderByDescending(e => e.StartDate)
            .Select(e => new EditionRow(e.Slug, e.NameEn, e.NameZh, e.StartDate, e.EndDate, e.Status))
            .ToListAsync(cancellationToken);
        return Page();
    }

    // Slugs are stored in lower case; /2021 and /CCI-2021 find the same edition.
    private static string Slug(string value) => value.ToLowerInvariant();
}
