using System.ComponentModel.DataAnnotations;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Summit.Core.Data;
using Summit.Core.Editions;
using Summit.Core.Registrations;

namespace Summit.Web.Pages.Admin.Registrations;

/// <summary>Registers an invitation list from CSV, with a report line by line: confirmed, waitlisted, already registered or refused and why.</summary>
[RequestSizeLimit(MaxBytes + (64 * 1024))]
[RequestFormLimits(MultipartBodyLengthLimit = MaxBytes + (64 * 1024))]
public sealed class ImportModel(SummitDbContext db, RegistrationCsv csv, IStringLocalizer<SharedResource> L) : PageModel
{
    public const int MaxBytes = 2 * 1024 * 1024;

    public Edition Edition { get; private set; } = null!;

    public IReadOnlyList<RegistrationCategory> Categories { get; private set; } = [];

    [BindProperty]
    [Display(Name = "CSV file (UTF-8)")]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    public int? CategoryId { get; set; }

    [BindProperty]
    public bool ConfirmWithoutApproval { get; set; } = true;

    public RegistrationImportReport? Report { get; private set; }

    public async Task<IActionResult> OnGetAsync(string edition, CancellationToken cancellationToken) =>
        await LoadAsync(edition, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string edition, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(edition, cancellationToken))
        {
            return NotFound();
        }

        if (CategoryId is not int categoryId || Categories.All(c => c.Id != categoryId))
        {
            ModelState.AddModelError(nameof(CategoryId), L["Choose one of the registration categories."]);
            return Page();
        }

        if (Upload is not { Length: > 0 } file)
        {
            ModelState.AddModelError(nameof(Upload), L["Choose a CSV file."]);
            return Page();
        }

        if (file.Length > MaxBytes)
        {
            ModelState.AddModelError(nameof(Upload), L["The file is larger than 2 MB."]);
            return Page();
        }

        using var reader = new StreamReader(file.OpenReadStream(), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        Report = await csv.ImportAsync(Edition.Id, categoryId, ConfirmWithoutApproval, reader, cancellationToken);
        return Page();
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
        CategoryId ??= Categories.Count > 0 ? Categories[0].Id : null;
        return true;
    }
}
