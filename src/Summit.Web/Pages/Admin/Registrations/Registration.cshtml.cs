using Microsoft.AspNetCore.Mvc;
using Summit.Web.Hosting;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Summit.Core.Data;
using Summit.Core.Editions;
using Summit.Core.Registrations;
using Summit.Web.Localization;
using Summit.Web.Registrations;

namespace Summit.Web.Pages.Admin.Registrations;

/// <summary>One registration for organizers: everything stored, its seats at sessions, and every change they can make.</summary>
public sealed class RegistrationModel(SummitDbContext db, ChangeRegistration change, IStringLocalizer<SharedResource> L) : PageModel
{
    public sealed record SignupRow(int SessionId, string TitleEn, string TitleZh, SignupStatus Status, int? Ticket);

    public Edition Edition { get; private set; } = null!;

    public Registration Registration { get; private set; } = null!;

    public IReadOnlyList<RegistrationCategory> Categories { get; private set; } = [];

    public IReadOnlyList<SignupRow> Signups { get; private set; } = [];

    [BindProperty]
    public PersonFields Input { get; set; } = new();

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(string edition, int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(edition, id, cancellationToken))
        {
            return NotFound();
        }

        Input.CopyFrom(Registration);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string edition, int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(edition, id, cancellationToken))
        {
            return NotFound();
        }

        if (Registration.ErasedAt is not null)
        {
            ModelState.AddModelError("", L["This person's data has been erased; there is nothing to edit."]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var refusals = await change.EditDetailsAsync(id, Input.ToDetails(consent: true, Registration.ConsentVersion), cancellationToken);
        if (refusals.Count > 0)
        {
            ModelState.AddRefusals(refusals, L);
            return Page();
        }

        Message = L["Saved."];
        return RedirectToPage(new { edition = Edition.Slug, id });
    }

    public async Task<IActionResult> OnPostCategoryAsync(string edition, int id, int categoryId, CancellationToken cancellationToken) =>
        await ChangeAsync(edition, id, () => change.ChangeCategoryAsync(id, categoryId, cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostStatusAsync(string edition, int id, string? action, string? message, CancellationToken cancellationToken)
    {
        if (action is "cancel" or "decline" && !this.IsConfirmed())
        {
            if (!await LoadAsync(edition, id, cancellationToken))
            {
                return NotFound();
            }

            var kind = action == "cancel" ? global::Summit.Web.Registrations.RegistrationConfirmations.Kind.Cancel : global::Summit.Web.Registrations.RegistrationConfirmations.Kind.Decline;
            return this.Confirm(await global::Summit.Web.Registrations.RegistrationConfirmations.ViewAsync(db, [id], kind, $"/admin/registrations/{Edition.Slug}/{id}", L, cancellationToken));
        }

        return await ChangeAsync(edition, id, () => action switch
        {
            "approve" => change.ApproveAsync([id], message, cancellationToken),
            "decline" => change.DeclineAsync([id], message, cancellationToken),
            "cancel" => change.CancelAsync(id, message, cancellationToken: cancellationToken),
            "reinstate" => change.ReinstateAsync(id, message, cancellationToken),
            "reissue" => change.ReissueBadgeAsync(id, cancellationToken),
            _ => Task.FromResult<IReadOnlyList<Refusal>>([new("", "Choose approve, decline, cancel or reinstate.")]),
        }, cancellationToken);
    }

    private async Task<IActionResult> ChangeAsync(string edition, int id, Func<Task<IReadOnlyList<Refusal>>> run, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(edition, id, cancellationToken))
        {
            return NotFound();
        }

        var refusals = await run();
        if (refusals.Count > 0)
        {
            ModelState.AddRefusals(refusals, L);
            Input.CopyFrom(Registration);
            return Page();
        }

        Message = L["Saved."];
        return RedirectToPage(new { edition = Edition.Slug, id });
    }

    /// <summary>The object's audit trail, newest first (the last 100 entries).</summary>
    public IReadOnlyList<Summit.Core.Audit.AuditEntry> AuditHistory { get; private set; } = [];

    private async Task<bool> LoadAsync(string edition, int id, CancellationToken cancellationToken)
    {
        var found = await db.Editions.AsNoTracking().WithSlug(edition.ToLowerInvariant()).FirstOrDefaultAsync(cancellationToken);
        var registration = found is null ? null : await db.Registrations.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id && r.EditionId == found.Id, cancellationToken);
        if (found is null || registration is null)
        {
            return false;
        }

        Edition = found;
        Registration = registration;
        Categories = await db.RegistrationCategories.AsNoTracking().Where(c => c.EditionId == found.Id).OrderBy(c => c.Order).ToListAsync(cancellationToken);
        Signups = await db.SessionSignups.AsNoTracking().Where(s => s.RegistrationId == id)
            .Join(db.Sessions, s => s.SessionId, x => x.Id, (s, x) => new SignupRow(x.Id, x.TitleEn, x.TitleZh, s.Status, s.WaitlistTicket))
            .ToListAsync(cancellationToken);
        AuditHistory = await Summit.Core.Audit.AuditQueries.About(db.AuditEntries.AsNoTracking(), Summit.Core.Audit.AuditedTypes.Registration, id).Take(100).ToListAsync(cancellationToken);
        return true;
    }
}
