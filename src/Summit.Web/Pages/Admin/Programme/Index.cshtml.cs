using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Summit.Core.Data;

namespace Summit.Web.Pages.Admin.Programme;

/// <summary>Which edition's programme to work on, with where each stands.</summary>
public sealed class IndexModel(SummitDbContext db) : PageModel
{
    public sealed record EditionRow(string Slug, string NameEn, string NameZh, int Sessions, int Unscheduled, int LatestVersion, bool UnpublishedChanges);

    public IReadOnlyList<EditionRow> Editions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Editions = await db.Editions.AsNoTracking()
            .OrderByDescending(e => e.StartDate)
            .Select(e => new EditionRow(
                e.Slug,
                e.NameEn,
                e.NameZh,
                db.Sessions.Count(s => s.EditionId == e.Id),
                db.Sessions.Count(s => s.EditionId == e.Id && s.RoomId == null && !s.IsCancelled),
                db.ScheduleVersions.Where(v => v.EditionId == e.Id).Max(v => (int?)v.Number) ?? 0,
                e.ScheduleDraftRevision != (db.ScheduleVersions.Where(v => v.EditionId == e.Id).OrderByDescending(v => v.Number).Select(v => (int?)v.DraftRevision).FirstOrDefault() ?? 0)))
            .ToListAsync(cancellationToken);
    }
}
