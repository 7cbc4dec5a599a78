using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Summit.Core.Data;
using Summit.Core.Registrations;
using Summit.Web.Hosting;
using Summit.Web.Localization;
using Summit.Web.Registrations;

namespace Summit.Web.Pages.Registrations;

/// <summary>
/// A registration seen through its secret link (from the emails or the result of registering): status, waiting-list
/// position, details; cancel; a copy of the data; erasure.
/// </summary>
[EnableRateLimiting(SummitWebServices.FormsRateLimit)]
public sealed class MineModel(SummitDbContext db, ChangeRegistration change, Summit.Jobs.Badges.BadgeService badges, IStringLocalizer<SharedResource> L) : PageModel
{
    private static readonly JsonSerializerOptions DataCopyJson = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public Registration Registration { get; private set; } = null!;

    public RegistrationCategory Category { get; private set; } = null!;

    public Core.Editions.Edition Edition { get; private set; } = null!;

    public int? WaitlistPosition { get; private set; }

    public bool JustRegistered { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(string key, bool registered, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(key, cancellationToken))
        {
            return NotFound();
        }

        JustRegistered = registered;
        return Page();
    }

    /// <summary>Everything stored about the person, as JSON (the right of access).</summary>
    public async Task<IActionResult> OnGetDataAsync(string key, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(key, cancellationToken))
        {
            return NotFound();
        }

        var r = Registration;
        var copy = new
        {
            edition = Edition.Slug,
            category = new { en = Category.NameEn, zh = Category.NameZh },
            status = r.Status.ToString(),
            r.FamilyNameZh,
            r.GivenNameZh,
            r.FamilyNameLatin,
            r.GivenNameLatin,
            r.LatinFamilyNameFirst,
            r.Organisation,
            r.Position,
            r.Email,
            r.Phone,
            r.CountryCode,
            r.PreferredCulture,
            r.DietaryNeeds,
            r.AccessibilityNeeds,
            r.NeedsInterpretation,
            consent = new { version = r.ConsentVersion, at = r.ConsentAt },
            r.CreatedAt,
            r.UpdatedAt,
            r.StatusChangedAt,
        };
        var json = JsonSerializer.SerializeToUtf8Bytes(copy, DataCopyJson);
        return File(json, "application/json", $"registration-{Edition.Slug}.json");
    }

    /// <summary>The badge as a PDF, for a confirmed registration only (rendered now if its job has not run yet).</summary>
    public async Task<IActionResult> OnGetBadgeAsync(string key, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(key, cancellationToken))
        {
            return NotFound();
        }

        if (await badges.OpenAsync(Registration.Id, cancellationToken) is not { } badge)
        {
            Message = L["A badge comes with a confirmed registration."];
            return RedirectToPage(new { key });
        }

        return Hosting.StoredFileResults.ServeFile(badge, "application/pdf", $"badge-{Edition.Slug}.pdf");
    }

    public async Task<IActionResult> OnPostCancelAsync(string key, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(key, cancellationToken))
        {
            return NotFound();
        }

        if (!this.IsConfirmed())
        {
            return this.Confirm(await RegistrationConfirmations.ViewAsync(db, [Registration.Id], RegistrationConfirmations.Kind.CancelMine, $"/registration/{key}", L, cancellationToken));
        }

        var refusals = await change.CancelAsync(Registration.Id, cancellationToken: cancellationToken);
        Message = refusals.Count == 0 ? L["Your registration is cancelled."] : RefusalMessages.Text(refusals[0], L);
        return RedirectToPage(new { key });
    }

    public async Task<IActionResult> OnPostEraseAsync(string key, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(key, cancellationToken))
        {
            return NotFound();
        }

        if (!this.IsConfirmed())
        {
            return this.Confirm(await RegistrationConfirmations.ViewAsync(db, [Registration.Id], RegistrationConfirmations.Kind.EraseMine, $"/registration/{key}", L, cancellationToken));
        }

        await change.EraseAsync(Registration.Id, cancellationToken);
        return RedirectToPage("/Registrations/Erased");
    }

    private async Task<bool> LoadAsync(string key, CancellationToken cancellationToken)
    {
        var found = await RegistrationKeys.FindAsync(db, key, cancellationToken);
        if (found is null)
        {
            return false;
        }

        Registration = found;
        Category = await db.RegistrationCategories.AsNoTracking().FirstAsync(c => c.Id == found.CategoryId, cancellationToken);
        Edition = await db.Editions.AsNoTracking().FirstAsync(e => e.Id == found.EditionId, cancellationToken);
        if (found.WaitlistTicket is int ticket)
        {
            WaitlistPosition = await db.Registrations.WaitlistPositionAsync(found.CategoryId, ticket, cancellationToken);
        }

        return true;
    }
}
