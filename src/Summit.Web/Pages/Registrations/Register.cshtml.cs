using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Summit.Core.Data;
using Summit.Core.Editions;
using Summit.Core.Registrations;
using Summit.Core.Site;
using Summit.Jobs.Mail;
using Summit.Jobs.Registrations;
using Summit.Web.Hosting;
using Summit.Web.Localization;
using Summit.Web.Registrations;

namespace Summit.Web.Pages.Registrations;

/// <summary>The public registration form of an edition; the answer page says exactly what happened.</summary>
[EnableRateLimiting(SummitWebServices.FormsRateLimit)]
public sealed class RegisterModel(SummitDbContext db, RegisterAttendee register, MailOutbox outbox, SiteLinks links, TimeProvider clock, IStringLocalizer<SharedResource> L) : PageModel
{
    /// <summary>The privacy notice a person agrees to; a new wording gets a new version.</summary>
    public const string PrivacyNoticeVersion = "2026-11";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public Edition Edition { get; private set; } = null!;

    public IReadOnlyList<RegistrationCategory> Categories { get; private set; } = [];

    public sealed class InputModel : PersonFields
    {
        [Required(ErrorMessage = "Choose one of the registration categories.")]
        [Display(Name = "Category")]
        public int? CategoryId { get; set; }

        [StringLength(RegisterAttendee.CodeMaxLength, ErrorMessage = "Keep this under {1} characters.")]
        [Display(Name = "Invitation code")]
        public string? Code { get; set; }

        public bool Consent { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(string edition, int? category, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(edition, cancellationToken))
        {
            return NotFound();
        }

        Input.CategoryId = category ?? (Categories.Count > 0 ? Categories[0].Id : null);
        Input.PreferredCulture = Cultures.IsChinese(CultureInfo.CurrentUICulture) ? Cultures.Chinese : Cultures.English;
        Input.Email = User.FindFirstValue(ClaimTypes.Email) ?? "";
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

        var details = Input.ToDetails(Input.Consent, PrivacyNoticeVersion);
        var outcome = await register.RunAsync(Input.CategoryId!.Value, details, Input.Code, User.FindFirstValue(ClaimTypes.NameIdentifier), User.FindFirstValue(ClaimTypes.Email), cancellationToken);
        switch (outcome.Result)
        {
            case RegistrationResult.Refused:
                ModelState.AddRefusals(outcome.Refusals, L);
                return Page();
            case RegistrationResult.AlreadyRegistered:
                // The link goes to the address only: showing it here would hand anyone who types an address its registration.
                await SendLinkAgainAsync(outcome.RegistrationId!.Value, CancellationToken.None);
                return RedirectToPage("/Registrations/Sent", new { edition = Edition.Slug });
            default:
                return RedirectToPage("/Registrations/Mine", new { key = outcome.AccessKey, registered = true });
        }
    }

    private async Task SendLinkAgainAsync(int registrationId, CancellationToken cancellationToken)
    {
        var r = await db.Registrations.AsNoTracking().FirstAsync(x => x.Id == registrationId, cancellationToken);
        var chinese = Cultures.IsChinese(r.PreferredCulture);
        var category = await db.RegistrationCategories.AsNoTracking().Where(c => c.Id == r.CategoryId).Select(c => chinese ? c.NameZh : c.NameEn).FirstAsync(cancellationToken);
        var link = links.Registration(r.AccessKey);
        await outbox.QueueAsync(RegistrationMails.LinkAgain(new RegistrationMails.Facts(r.Email, r.DisplayName(chinese), r.PreferredCulture, Edition.Name(chinese), category, null, null, link)).About($"registration:{r.Id}", null), cancellationToken);
    }

    private async Task<bool> LoadAsync(string edition, CancellationToken cancellationToken)
    {
        var slug = edition.ToLowerInvariant();
        var found = await db.Editions.AsNoTracking().WithSlug(slug).FirstOrDefaultAsync(e => e.Status == EditionStatus.Open, cancellationToken);
        if (found is null)
        {
            return false;
        }

        Edition = found;
        var now = clock.GetUtcNow();
        Categories = (await db.RegistrationCategories.AsNoTracking().Where(c => c.EditionId == found.Id && c.Kind != CategoryKind.Speaker).OrderBy(c => c.Order).ToListAsync(cancellationToken))
            .Where(c => c.IsOpen(now))
            .ToList();
        return true;
    }
}
