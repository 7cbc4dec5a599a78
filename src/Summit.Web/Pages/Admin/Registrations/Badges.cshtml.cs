using System.Security.Claims;
using Hangfire;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Summit.Core.Data;
using Summit.Core.Editions;
using Summit.Core.Registrations;
using Summit.Jobs.Badges;
using Summit.Web.Localization;

namespace Summit.Web.Pages.Admin.Registrations;

/// <summary>Print runs of an edition's badges: start one (whose badges, a category or all, a layout), follow it, download it.</summary>
public sealed class BadgesModel(SummitDbContext db, PlanBadgeSheet plan, IBackgroundJobClient jobs, Summit.Core.Files.IFileStore files, IStringLocalizer<SharedResource> L) : PageModel
{
    public Edition Edition { get; private set; } = null!;

    public IReadOnlyList<RegistrationCategory> Categories { get; private set; } = [];

    public IReadOnlyList<BadgeSheet> Sheets { get; private set; } = [];

    /// <summary>Confirmed registrations whose current badge no finished run has printed yet.</summary>
    public int NotPrinted { get; private set; }

    [BindProperty]
    public int? CategoryId { get; set; }

    [BindProperty]
    public BadgeSheetSelection Selection { get; set; }

    [BindProperty]
    public BadgeSheetLayout Layout { get; set; }

    [BindProperty]
    public string? List { get; set; }

    /// <summary>The run shown with its progress bar (the newest, or the one asked for).</summary>
    public BadgeSheet? Current { get; private set; }

    public async Task<IActionResult> OnGetAsync(string edition, int? sheet, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(edition, cancellationToken))
        {
            return NotFound();
        }

        Current = sheet is int id ? Sheets.FirstOrDefault(s => s.Id == id) : Sheets.Count > 0 ? Sheets[0] : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string edition, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(edition, cancellationToken))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var planned = await plan.RunAsync(Edition.Id, CategoryId, Selection, Layout, Selection == BadgeSheetSelection.List ? List : null, User.FindFirstValue(ClaimTypes.Email) ?? "", cancellationToken);
        if (!planned.Planned)
        {
            ModelState.AddRefusals(planned.Refusals, L, prefix: "");
            return Page();
        }

        var id = planned.SheetId!.Value;
        jobs.Enqueue<RenderBadgeSheetJob>(job => job.RunAsync(id, CancellationToken.None));
        return RedirectToPage(new { edition = Edition.Slug, sheet = id });
    }

    public async Task<IActionResult> OnGetDownloadAsync(string edition, int sheet, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(edition, cancellationToken) || Sheets.FirstOrDefault(s => s.Id == sheet) is not { FinishedAt: not null } done)
        {
            return NotFound();
        }

        var total = done.Total ?? 0;
        var zip = BadgeSheetPdf.IsZip(total);
        return await files.OpenReadAsync(RenderBadgeSheetJob.FileKey(done.Id, total), cancellationToken) is { } open
            ? Hosting.StoredFileResults.ServeFile(open, zip ? "application/zip" : "application/pdf", $"badges-{Edition.Slug}-{done.Id}.{(zip ? "zip" : "pdf")}")
            : NotFound();
    }

    private async Task<bool> LoadAsync(string edition, CancellationToken cancellationToken)
    {
        var found = await db.Editions.AsNoTracking().WithSlug(edition.ToLowerInvariant()).FirstOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return false;
        }

        Edition = found;
        Categories = await db.RegistrationCategories.AsNoTracking().Where(c => c.EditionId == found.Id).OrderBy(c => c.Order).ToListAsync(cancellationToken);
        Sheets = await db.BadgeSheets.AsNoTracking().Where(s => s.EditionId == found.Id).OrderByDescending(s => s.Id).Take(20).ToListAsync(cancellationToken);
        NotPrinted = await db.Registrations.CountAsync(r => r.EditionId == found.Id && r.Status == RegistrationStatus.Confirmed && r.ErasedAt == null && (r.BadgePrintedRevision == null || r.BadgePrintedRevision != r.BadgeRevision), cancellationToken);
        return true;
    }
}
