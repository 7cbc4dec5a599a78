using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Summit.Core.Data;
using Summit.Core.Editions;

namespace Summit.Web.Pages.Admin.Editions;

public sealed class IndexModel(SummitDbContext db) : PageModel
{
    public IReadOnlyList<EditionRow> Rows { get; private set; } = [];

    public sealed record EditionRow(int Id, string Slug, string NameEn, string NameZh, DateOnly StartDate, DateOnly EndDate, EditionStatus Status, bool IsDemo);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Rows = await db.Editions.AsNoTracking()
            .OrderByDescending(e => e.StartDate)
            .Select(e => new EditionRow(e.Id, e.Slug, e.NameEn, e.NameZh, e.StartDate, e.EndDate, e.Status, e.IsDemo))
            .ToListAsync(cancellationToken);
}
