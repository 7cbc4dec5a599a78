using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Summit.Core.Consequences;
using Summit.Core.Data;

namespace Summit.Web.Pages.Admin.FollowUps;

/// <summary>
/// What follows committed changes (emails, badges, roles, articles following the programme) that has not been
/// carried out: those failing and being retried, and those that gave up, with their error; a failed one can be
/// started again. The counts show that the rest is flowing (decision 0014).
/// </summary>
public sealed class IndexModel(SummitDbContext db, IConsequenceNudge nudge, IStringLocalizer<SharedResource> L) : PageModel
{
    public const int PageSize = 100;

    public sealed record Row(long Id, string Handler, string Subject, ConsequenceStatus Status, int Attempts, DateTimeOffset CreatedAt, DateTimeOffset? NextAttemptAt, string? LastError);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public int Pending { get; private set; }

    public int Failed { get; private set; }

    public int Done { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var counts = await db.Consequences.AsNoTracking().GroupBy(c => c.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        Pending = counts.Where(c => c.Key == ConsequenceStatus.Pending).Sum(c => c.Count);
        Failed = counts.Where(c => c.Key == ConsequenceStatus.Failed).Sum(c => c.Count);
        Done = counts.Where(c => c.Key == ConsequenceStatus.Done).Sum(c => c.Count);
        Rows = await db.Consequences.AsNoTracking()
            .Where(c => c.Status == ConsequenceStatus.Failed || (c.Status == ConsequenceStatus.Pending && c.LastError != null))
            .OrderByDescending(c => c.Id)
            .Take(PageSize)
            .Select(c => new Row(c.Id, c.Handler, c.Subject, c.Status, c.Attempts, c.CreatedAt, c.NextAttemptAt, c.LastError))
            .ToListAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostRetryAsync(long id, CancellationToken cancellationToken)
    {
        var row = await db.Consequences.AsNoTracking().Where(c => c.Id == id).Select(c => new { c.Id, c.Queue }).FirstOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return NotFound();
        }

        if (await ConsequenceRunner.RetryAsync(db, id, cancellationToken) == 1)
        {
            nudge.Nudge([(row.Id, row.Queue)]);
            Message = L["Started again."];
        }
        else
        {
            Message = L["Only a follow-up that gave up can be started again; this one is done or still being tried."];
        }

        return RedirectToPage();
    }
}
