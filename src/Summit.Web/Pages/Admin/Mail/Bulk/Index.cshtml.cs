using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Summit.Core.Data;
using Summit.Core.Editions;

namespace Summit.Web.Pages.Admin.Mail.Bulk;

/// <summary>Bulk emails sent so far, newest first, and where to write a new one (per edition).</summary>
public sealed class IndexModel(SummitDbContext db) : PageModel
{
    public sealed record Row(int Id, string EditionEn, string EditionZh, string SubjectEn, string SubjectZh, DateTimeOffset CreatedAt, string CreatedBy, int? Recipients);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public IReadOnlyList<Edition> Editions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Editions = await db.Editions.AsNoTracking().OrderByDescending(e => e.StartDate).ToListAsync(cancellationToken);
        Rows = await db.BulkMails.AsNoTracking().OrderByDescending(b => b.Id).Take(100)
            .Join(db.Editions, b => b.EditionId, e => e.Id, (b, e) => new Row(b.Id, e.NameEn, e.NameZh, b.SubjectEn, b.SubjectZh, b.CreatedAt, b.CreatedBy, b.Recipients))
            .ToListAsync(cancellationToken);
    }
}
