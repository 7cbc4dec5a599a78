using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Summit.Core.Data;
using Summit.Core.Editions;

namespace Summit.Web.Pages.Admin.Mail.Templates;

/// <summary>The emails an edition can reword, in both languages, and which of them it has reworded.</summary>
public sealed class IndexModel(SummitDbContext db) : PageModel
{
    public Edition Edition { get; private set; } = null!;

    public IReadOnlySet<(string Kind, string Culture)> Custom { get; private set; } = new HashSet<(string, string)>();

    public async Task<IActionResult> OnGetAsync(string edition, CancellationToken cancellationToken)
    {
        var found = await db.Editions.AsNoTracking().WithSlug(edition.ToLowerInvariant()).FirstOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return NotFound();
        }

        Edition = found;
        Custom = (await db.MailTemplateOverrides.AsNoTracking().Where(o => o.EditionId == found.Id).Select(o => new { o.Kind, o.Culture }).ToListAsync(cancellationToken))
            .Select(o => (o.Kind, o.Culture)).ToHashSet();
        return Page();
    }
}
