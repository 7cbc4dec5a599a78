using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Summit.Core.Audit;
using Summit.Core.Data;
using Summit.Web.Hosting;

namespace Summit.Web.Pages.Admin.Audit;

/// <summary>The audit trail: who changed what, when and from where, filtered by edition, person, object, action and time; newest first, paged; as CSV.</summary>
public sealed class IndexModel(SummitDbContext db) : PageModel
{
    public const int PageSize = 50;

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public IReadOnlyDictionary<int, string> Editions { get; private set; } = new Dictionary<int, string>();

    public bool HasOlder { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? Edition { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Person { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Type { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Action { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    /// <summary>Older than this entry: the next page.</summary>
    [BindProperty(SupportsGet = true)]
    public long? Older { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Editions = await db.Editions.AsNoTracking().OrderByDescending(e => e.StartDate).ToDictionaryAsync(e => e.Id, e => e.Slug, cancellationToken);
        var query = await FilteredAsync(cancellationToken);
        if (Older is long older)
        {
            query = query.Where(e => e.Id < older);
        }

        var page = await query.OrderByDescending(e => e.Id).Take(PageSize + 1).ToListAsync(cancellationToken);
        HasOlder = page.Count > PageSize;
        Entries = page.Take(PageSize).ToList();
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        var query = (await FilteredAsync(cancellationToken)).OrderByDescending(e => e.Id).AsAsyncEnumerable();
        return new CsvDownload("summit-audit.csv", (writer, cancel) => AuditQueries.WriteCsvAsync(query, writer, cancel));
    }

    /// <summary>The query string of this filter with another page (or none), for links.</summary>
    public string Link(long? older, bool csv = false)
    {
        var parts = new Dictionary<string, string?>
        {
            ["handler"] = csv ? "csv" : null,
            ["edition"] = Edition,
            ["person"] = Person,
            ["type"] = Type,
            ["id"] = Id,
            ["action"] = Action,
            ["from"] = From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["to"] = To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["older"] = older?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/admin/audit", parts.Where(p => !string.IsNullOrEmpty(p.Value)));
    }

    private async Task<IQueryable<AuditEntry>> FilteredAsync(CancellationToken cancellationToken)
    {
        int? editionId = null;
        if (!string.IsNullOrEmpty(Edition))
        {
            // An unknown edition matches nothing rather than everything.
            editionId = await db.Editions.AsNoTracking().Where(e => e.Slug == Edition).Select(e => (int?)e.Id).FirstOrDefaultAsync(cancellationToken) ?? -1;
        }

        var from = From is DateOnly f ? new DateTimeOffset(f.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : (DateTimeOffset?)null;
        var before = To is DateOnly t ? new DateTimeOffset(t.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : (DateTimeOffset?)null;
        var type = AuditQueries.ObjectTypes.Contains(Type) ? Type : null;
        var action = AuditQueries.Actions.Contains(Action) ? Action : null;
        return db.AuditEntries.AsNoTracking().Matching(new AuditFilter(editionId, Person, type, Id, action, from, before));
    }
}
