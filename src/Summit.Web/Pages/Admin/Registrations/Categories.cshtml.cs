using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Summit.Core.Data;
using Summit.Core.Editions;
using Summit.Core.Registrations;
using Summit.Web.Localization;

namespace Summit.Web.Pages.Admin.Registrations;

/// <summary>An edition's registration categories (capacity, approval, invitation, window) and their invitation codes.</summary>
public sealed class CategoriesModel(SummitDbContext db, SaveCategory save, IStringLocalizer<SharedResource> L) : PageModel
{
    public Edition Edition { get; private set; } = null!;

    public IReadOnlyList<RegistrationCategory> Categories { get; private set; } = [];

    public IReadOnlyList<InvitationCode> Codes { get; private set; } = [];

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [TempData]
    public string? Message { get; set; }

    public sealed class InputModel
    {
        public int? Id { get; set; }

        [Required(ErrorMessage = "Enter the name in English and in Chinese.")]
        [Display(Name = "Name (English)")]
        public string NameEn { get; set; } = "";

        [Required(ErrorMessage = "Enter the name in English and in Chinese.")]
        [Display(Name = "Name (Chinese)")]
        public string NameZh { get; set; } = "";

        [Display(Name = "Kind")]
        public CategoryKind Kind { get; set; }

        [Display(Name = "Capacity")]
        public int? Capacity { get; set; }

        public bool RequiresApproval { get; set; }

        public bool RequiresInvitation { get; set; }

        [Display(Name = "Order")]
        public int Order { get; set; }

        /// <summary>Whether the badge band takes <see cref="BadgeColour"/> rather than the kind's default.</summary>
        public bool OwnColour { get; set; }

        public string? BadgeColour { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(string edition, CancellationToken cancellationToken) =>
        await LoadAsync(edition, cancellationToken) ? Page() : NotFound();

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

        var existing = Input.Id is int id ? Categories.FirstOrDefault(c => c.Id == id) : null;
        var result = await save.RunAsync(Edition.Id, Input.Id, new CategoryDetails(
            Input.NameEn, Input.NameZh, existing?.DescriptionEn, existing?.DescriptionZh, Input.Kind, Input.Capacity, Input.RequiresApproval, Input.RequiresInvitation,
            existing?.OpensAt, existing?.ClosesAt, Input.Order, Input.OwnColour ? Input.BadgeColour : null), cancellationToken);
        if (!result.Saved)
        {
            ModelState.AddRefusals(result.Refusals, L);
            return Page();
        }

        Message = L["Saved."];
        return RedirectToPage(new { edition = Edition.Slug });
    }

    public async Task<IActionResult> OnPostCodeAsync(string edition, int categoryId, string? code, int maxUses, bool bypassesApproval, string? note, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(edition, cancellationToken))
        {
            return NotFound();
        }

        var (issued, refusals) = await save.IssueCodeAsync(Edition.Id, categoryId, code, maxUses, bypassesApproval, note, cancellationToken);
        if (issued is null)
        {
            ModelState.AddRefusals(refusals, L, prefix: "");
            return Page();
        }

        Message = L["Invitation code {0} issued.", issued];
        return RedirectToPage(new { edition = Edition.Slug });
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
        Categories = await db.RegistrationCategories.AsNoTracking().Where(c => c.EditionId == found.Id).OrderBy(c => c.Order).ToListAsync(cancellationToken);
        Codes = await db.InvitationCodes.AsNoTracking().Where(c => c.EditionId == found.Id).OrderByDescending(c => c.Id).Take(200).ToListAsync(cancellationToken);
        return true;
    }
}
