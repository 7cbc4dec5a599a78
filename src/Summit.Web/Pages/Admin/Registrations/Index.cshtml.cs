using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Summit.Core.Data;

namespace Summit.Web.Pages.Admin.Registrations;

/// <summary>Which edition's registrations to look at.</summary>
public sealed class IndexModel(SummitDbContext db) : PageModel
{
    public sealed record EditionRow(string Slug, string NameEn, string NameZh, int Registrations);

    public IReadOnlyList<EditionRow> Editions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Editions = await db.Editions.AsNoTracking().OrderByDescending(e => e.StartDate)
            .Select(e => new EditionRow(e.Slug, e.NameEn, e.NameZh, db.Registrations.Count(r => r.EditionId == e.Id)))
            .ToListAsync(cancellationToken);
}
