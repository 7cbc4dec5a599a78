using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Summit.Core.Data;
using Summit.Core.Editions;
using Summit.Core.Registrations;
using Summit.Web.Hosting;
using Summit.Web.Localization;
using Summit.Web.Registrations;

namespace Summit.Web.Pages.Registrations;

/// <summary>The holder of a registration's link corrects their details.</summary>
[EnableRateLimiting(SummitWebServices.FormsRateLimit)]
public sealed class EditModel(SummitDbContext db, ChangeRegistration change, IStringLocalizer<SharedResource> L) : PageModel
{
    [BindProperty]
    public PersonFields Input { get; set; } = new();

    public Registration Registration { get; private set; } = null!;

    public Edition Edition { get; private set; } = null!;

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(string key, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(key, cancellationToken))
        {
            return NotFound();
        }

        Input.CopyFrom(Registration);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string key, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(key, cancellationToken))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var refusals = await change.EditDetailsAsync(Registration.Id, Input.ToDetails(consent: true, Registration.ConsentVersion), cancellationToken);
        if (refusals.Count > 0)
        {
            ModelState.AddRefusals(refusals, L);
            return Page();
        }

        Message = L["Your details are saved."];
        return RedirectToPage("/Registrations/Mine", new { key });
    }

    private async Task<bool> LoadAsync(string key, CancellationToken cancellationToken)
    {
        var found = await RegistrationKeys.FindAsync(db, key, cancellationToken);
        if (found is null)
        {
            return false;
        }

        Registration = found;
        Edition = await db.Editions.AsNoTracking().FirstAsync(e => e.Id == found.EditionId, cancellationToken);
        return true;
    }
}
