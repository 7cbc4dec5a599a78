using System.ComponentModel.DataAnnotations;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Summit.Core.Speakers;

namespace Summit.Web.Pages.Admin.Speakers;

/// <summary>CSV import with a line-by-line report: created, updated, or rejected and why.</summary>
[RequestSizeLimit(MaxBytes + (64 * 1024))]
[RequestFormLimits(MultipartBodyLengthLimit = MaxBytes + (64 * 1024))]
public sealed class ImportModel(SpeakerCsv csv, Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> L) : PageModel
{
    public const int MaxBytes = 2 * 1024 * 1024;

    [BindProperty]
    [Display(Name = "CSV file (UTF-8, with the header line of the export)")]
    public IFormFile? Upload { get; set; }

    public ImportReport? Report { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
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
        Report = await csv.ImportAsync(reader, cancellationToken);
        return Page();
    }
}
