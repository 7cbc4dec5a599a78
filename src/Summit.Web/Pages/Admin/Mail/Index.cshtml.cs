using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Summit.Core.Data;
using Summit.Core.Mail;

namespace Summit.Web.Pages.Admin.Mail;

/// <summary>The mail log: every email as a row, newest first, filtered by status, kind, recipient or subject.</summary>
public sealed class IndexModel(SummitDbContext db) : PageModel
{
    public const int PageSize = 100;

    public sealed record MailRow(long Id, DateTimeOffset CreatedAt, string ToAddress, string Kind, string Culture, string Subject, MailStatus Status, int Attempts, string? LastError, string? Entity);

    public IReadOnlyList<MailRow> Rows { get; private set; } = [];

    public IReadOnlyList<string> Kinds { get; private set; } = [];

    public IReadOnlyDictionary<MailStatus, int> Counts { get; private set; } = new Dictionary<MailStatus, int>();

    public int Total { get; private set; }

    public IReadOnlyList<string> EditionSlugs { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public MailStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Entity { get; set; }

    /// <summary>Older than this id: the next page.</summary>
    [BindProperty(SupportsGet = true)]
    public long? Before { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Counts = (await db.OutgoingMails.AsNoTracking().GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken))
            .ToDictionary(x => x.Key, x => x.Count);
        EditionSlugs = await db.Editions.AsNoTracking().OrderByDescending(e => e.StartDate).Select(e => e.Slug).ToListAsync(cancellationToken);
        Kinds = await db.OutgoingMails.AsNoTracking().Select(m => m.Kind).Distinct().OrderBy(k => k).ToListAsync(cancellationToken);
        var query = db.OutgoingMails.AsNoTracking();
        if (Status is { } status)
        {
            query = query.Where(m => m.Status == status);
        }

        if (!string.IsNullOrWhiteSpace(Kind))
        {
            query = query.Where(m => m.Kind == Kind);
        }

        if (!string.IsNullOrWhiteSpace(Entity))
        {
            var entity = Entity.Trim();
            query = query.Where(m => m.Entity == entity);
        }

        if (!string.IsNullOrWhiteSpace(Q) && Q.Length <= 200)
        {
            var q = Q.Trim().ToLowerInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // Translated to SQL LOWER(…) LIKE; the culture-taking overloads are not translatable.
            query = query.Where(m => m.ToAddress.ToLower().Contains(q) || m.Subject.ToLower().Contains(q));
#pragma warning restore CA1304, CA1311, CA1862
        }

        Total = await query.CountAsync(cancellationToken);
        if (Before is long before)
        {
            query = query.Where(m => m.Id < before);
        }

        Rows = await query.OrderByDescending(m => m.Id).Take(PageSize)
            .Select(m => new MailRow(m.Id, m.CreatedAt, m.ToAddress, m.Kind, m.Culture, m.Subject, m.Status, m.Attempts, m.LastError, m.Entity))
            .ToListAsync(cancellationToken);
    }
}
