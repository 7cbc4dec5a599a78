using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Summit.Core.Data;
using Summit.Core.Speakers;

namespace Summit.Web.Pages.Admin.Speakers;

/// <summary>Merges a duplicate profile (by its address) into this one.</summary>
public sealed class MergeModel(SummitDbContext db, MergeSpeakers merge, IStringLocalizer<SharedResource> L) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Enter the address of the duplicate, for example zeng-gang-2.")]
    [StringLength(SaveSpeaker.SlugMaxLength, ErrorMessage = "Keep this under {1} characters.")]
    [Display(Name = "Address of the duplicate")]
    public string DuplicateSlug { get; set; } = "";

    public Speaker Speaker { get; private set; } = null!;

    public bool Merged { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, bool merged, CancellationToken cancellationToken)
    {
        Merged = merged;
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var refusal = await merge.RunAsync(id, DuplicateSlug, cancellationToken);
        if (refusal is not null)
        {
            ModelState.AddModelError(nameof(DuplicateSlug), L[refusal.Message]);
            return Page();
        }

        return RedirectToPage(new { id, merged = true });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var speaker = await db.Speakers.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        Speaker = speaker!;
        return speaker is not null;
    }
}
