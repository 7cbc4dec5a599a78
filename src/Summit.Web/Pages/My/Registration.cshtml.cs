using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Summit.Core.Data;
using Summit.Core.Registrations;

namespace Summit.Web.Pages.My;

/// <summary>A signed-in person's registrations: those linked to the account or made with its confirmed address.</summary>
public sealed class RegistrationModel(SummitDbContext db) : PageModel
{
    public sealed record Row(string AccessKey, string EditionEn, string EditionZh, string CategoryEn, string CategoryZh, RegistrationStatus Status);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Rows = await (await db.OfAccountAsync(User.FindFirstValue(ClaimTypes.NameIdentifier)!, cancellationToken)).AsNoTracking()
            .OrderByDescending(r => r.CreatedAt)
            .Select(r => new Row(
                r.AccessKey,
                db.Editions.Where(e => e.Id == r.EditionId).Select(e => e.NameEn).First(),
                db.Editions.Where(e => e.Id == r.EditionId).Select(e => e.NameZh).First(),
                db.RegistrationCategories.Where(c => c.Id == r.CategoryId).Select(c => c.NameEn).First(),
                db.RegistrationCategories.Where(c => c.Id == r.CategoryId).Select(c => c.NameZh).First(),
                r.Status))
            .ToListAsync(cancellationToken);
    }
}
