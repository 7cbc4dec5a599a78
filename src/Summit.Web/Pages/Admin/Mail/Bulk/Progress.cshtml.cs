using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Summit.Core.Data;
using Summit.Core.Mail;

namespace Summit.Web.Pages.Admin.Mail.Bulk;

/// <summary>A bulk email on its way: how many are queued, sent and failed; the page refreshes itself until done.</summary>
public sealed class ProgressModel(SummitDbContext db) : PageModel
{
    public BulkMail Bulk { get; private set; } = null!;

    public IReadOnlyDictionary<MailStatus, int> Counts { get; private set; } = new Dictionary<MailStatus, int>();

    public int Logged => Counts.Values.Sum();

    public int Done => Counts.GetValueOrDefault(MailStatus.Sent) + Counts.GetValueOrDefault(MailStatus.Failed) + Counts.GetValueOrDefault(MailStatus.Cancelled);

    /// <summary>Finished when every person in the segment has a logged email and none is still waiting or being sent.</summary>
    public bool Finished => Bulk.Recipients is int total && Logged >= total && Done == Logged;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var bulk = await db.BulkMails.AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, cancellationToken);
        if (bulk is null)
        {
            return NotFound();
        }

        Bulk = bulk;
        var entity = bulk.Entity;
        Counts = (await db.OutgoingMails.AsNoTracking().Where(m => m.Entity == entity).GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken))
            .ToDictionary(x => x.Key, x => x.Count);
        return Page();
    }
}
