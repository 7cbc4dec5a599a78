using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Summit.Core.Data;
using Summit.Core.Editions;
using Summit.Core.Registrations;
using Summit.Web.Localization;
using Summit.Web.Registrations;

namespace Summit.Web.Pages.Admin.Registrations;

/// <summary>An organizer registers someone by hand (a guest who phoned, a VIP's office): no window, no code.</summary>
public sealed class NewModel(SummitDbContext db, RegisterAttendee register, IStringLocalizer<SharedResource> L) : PageModel
{
    /// <summary>Recorded instead of a privacy-notice version: the organizer entered the data, the person did not agree on a form.</summary>
    public const string EnteredByOrganizer = "entered-by-organizer";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public Edition Edition { get; private set; } = null!;

    public IReadOnlyList<RegistrationCategory> Categories { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public sealed class InputModel : PersonFields
    {
        [Required(ErrorMessage = "Choose one of the registration categories.")]
        [Display(Name = "Category")]
        public int? CategoryId { get; set; }

        public bool ConfirmWithoutApproval { get; set; } = true;
    }

    public async Task<IActionResult> OnGetAsync(string edition, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(edition, cancellationToken))
        {
            return NotFound();
        }

        Input.CategoryId = Categories.Count > 0 ? Categories[0].Id : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string edition, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(edition, cancellationToken))
        {
            return NotFound();
        }

        if (Input.CategoryId is int chosen && Categories.All(c => c.Id != chosen))
        {
            ModelState.AddModelError("Input.CategoryId", L["Choose one of the registration categories."]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var outcome = await register.RunForOrganizerAsync(Input.CategoryId!.Value, Input.ToDetails(consent: true, EnteredByOrganizer), Input.ConfirmWithoutApproval, cancellationToken);
        switch (outcome.Result)
        {
            case RegistrationResult.Refused:
                ModelState.AddRefusals(outcome.Refusals, L);
                return Page();
            case RegistrationResult.AlreadyRegistered:
                ModelState.AddModelError("Input.Email", L["This address is already registered for this edition."]);
                return Page();
            default:
                Message = outcome.Result switch
                {
                    RegistrationResult.Confirmed => L["Registered and confirmed; the confirmation email is on its way."],
                    RegistrationResult.Waitlisted => L["The category is full: registered on the waiting list as number {0}.", outcome.WaitlistPosition ?? 0],
                    _ => L["Registered; waiting for approval."],
                };
                return RedirectToPage("/Admin/Registrations/Registration", new { edition = Edition.Slug, id = outcome.RegistrationId });
        }
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
        return true;
    }
}
