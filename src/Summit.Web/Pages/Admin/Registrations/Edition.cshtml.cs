using Microsoft.AspNetCore.Mvc;
using Summit.Web.Hosting;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Summit.Core.Data;
using Summit.Core.Editions;
using Summit.Core.Paging;
using Summit.Core.Registrations;
using Summit.Web.Localization;
using Summit.Web.Paging;

namespace Summit.Web.Pages.Admin.Registrations;

/// <summary>
/// An edition's registrations for organizers: the dashboard (capacity gauges, waiting lists, registrations per day by
/// category), the list with search and filters, bulk approve or decline with a message, and the CSV export.
/// </summary>
public sealed class EditionModel(SummitDbContext db, ChangeRegistration change, RegistrationCsv csv, IStringLocalizer<SharedResource> L) : PageModel
{
    public const int PageSize = 100;

    public Edition Edition { get; private set; } = null!;

    public IReadOnlyList<CategoryRow> Categories { get; private set; } = [];

    public IReadOnlyList<Registration> Rows { get; private set; } = [];

    public int Total { get; private set; }

    /// <summary>The list's pages (newest first, <see cref="PageSize"/> a page).</summary>
    public Pager Pager { get; private set; } = null!;

    /// <summary>Registrations made per day (UTC date) and category, for the chart.</summary>
    public IReadOnlyList<(DateOnly Day, int CategoryId, int Count)> PerDay { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Category { get; set; }

    [BindProperty(SupportsGet = true)]
    public RegistrationStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Country { get; set; }

    /// <summary>The page of the list asked for (<c>?page=</c>); past the end, the last.</summary>
    [FromQuery(Name = Pager.Parameter)]
    public int? PageNumber { get; set; }

    [TempData]
    public string? Message { get; set; }

    public sealed record CategoryRow(RegistrationCategory Category, int Pending, int Waitlisted);

    public async Task<IActionResult> OnGetAsync(string edition, CancellationToken cancellationToken) =>
        await LoadAsync(edition, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnGetCsvAsync(string edition, CancellationToken cancellationToken)
    {
        var slug = edition.ToLowerInvariant();
        var found = await db.Editions.AsNoTracking().WithSlug(slug).FirstOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return NotFound();
        }

        return new CsvDownload($"registrations-{slug}.csv", (writer, cancel) => csv.ExportAsync(found.Id, writer, cancel));
    }

    public async Task<IActionResult> OnPostBulkAsync(string edition, string? action, int[] ids, string? message, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(edition, cancellationToken))
        {
            return NotFound();
        }

        var chosen = await db.Registrations.Where(r => ids.Contains(r.Id) && r.EditionId == Edition.Id).Select(r => r.Id).ToListAsync(cancellationToken);
        if (chosen.Count == 0)
        {
            ModelState.AddModelError("", L["Tick at least one registration."]);
            return Page();
        }

        if (action == "decline" && !this.IsConfirmed())
        {
            return this.Confirm(await global::Summit.Web.Registrations.RegistrationConfirmations.ViewAsync(db, chosen, global::Summit.Web.Registrations.RegistrationConfirmations.Kind.Decline, $"/admin/registrations/{Edition.Slug}", L, cancellationToken));
        }

        var refusals = action switch
        {
            "approve" => await change.ApproveAsync(chosen, message, cancellationToken),
            "decline" => await change.DeclineAsync(chosen, message, cancellationToken),
            _ => [new Refusal("", "Choose approve or decline.")],
        };
        Message = refusals.Count == 0
            ? L["Done for {0} registrations.", chosen.Count]
            : L["Done where possible; {0} registrations were skipped: {1}", refusals.Count, RefusalMessages.Text(refusals[0], L)];
        return LocalRedirect(Pager.Link(Pager.Number));
    }

    private async Task<bool> LoadAsync(string edition, CancellationToken cancellationToken)
    {
        var slug = edition.ToLowerInvariant();
        var found = await db.Editions.AsNoTracking().WithSlug(slug).FirstOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return false;
        }

        Edition = found;
        var categories = await db.RegistrationCategories.AsNoTracking().Where(c => c.EditionId == found.Id).OrderBy(c => c.Order).ToListAsync(cancellationToken);
        var tallies = await RegistrationTallies.ForEditionAsync(db, found.Id, cancellationToken);
        Categories = categories.Select(c => new CategoryRow(
            c,
            tallies.Where(x => x.CategoryId == c.Id && x.Status == RegistrationStatus.PendingApproval).Sum(x => x.Count),
            tallies.Where(x => x.CategoryId == c.Id && x.Status == RegistrationStatus.Waitlisted).Sum(x => x.Count))).ToList();
        PerDay = tallies.GroupBy(x => (x.Day, x.CategoryId))
            .Select(g => (g.Key.Day, g.Key.CategoryId, g.Sum(x => x.Count)))
            .OrderBy(x => x.Day)
            .ToList();

        var query = db.Registrations.AsNoTracking().Where(r => r.EditionId == found.Id);
        if (Category is int category)
        {
            query = query.Where(r => r.CategoryId == category);
        }

        if (Status is { } status)
        {
            query = query.Where(r => r.Status == status);
        }

        if (!string.IsNullOrWhiteSpace(Country) && Country.Length == 2)
        {
            var country = Country.ToUpperInvariant();
            query = query.Where(r => r.CountryCode == country);
        }

        if (!string.IsNullOrWhiteSpace(Q) && Q.Length <= 100)
        {
            var term = Q.Trim().ToLowerInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // Translated to SQL LOWER(…) LIKE; the culture-taking overloads are not translatable.
            query = query.Where(r => r.NormalizedEmail.Contains(term)
                || ((r.FamilyNameLatin ?? "") + " " + (r.GivenNameLatin ?? "")).ToLower().Contains(term)
                || ((r.GivenNameLatin ?? "") + " " + (r.FamilyNameLatin ?? "")).ToLower().Contains(term)
                || ((r.FamilyNameZh ?? "") + (r.GivenNameZh ?? "")).Contains(term)
                || (r.Organisation ?? "").ToLower().Contains(term));
#pragma warning restore CA1304, CA1311, CA1862
        }

        // A page number that is not one is page 1, not a message on the form.
        ModelState.Remove(Pager.Parameter);
        var page = await query.OrderByDescending(r => r.Id).ToPageAsync(PageNumber, PageSize, cancellationToken);
        (Total, Rows, Pager) = (page.Total, page.Rows, Pager.For(page, Request));
        return true;
    }
}
