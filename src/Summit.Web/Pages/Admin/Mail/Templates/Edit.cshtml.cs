using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Summit.Core.Data;
using Summit.Core.Editions;
using Summit.Core.Mail;
using Summit.Core.Registrations;
using Summit.Jobs.Mail;
using Summit.Jobs.Registrations;
using Summit.Web.Localization;

namespace Summit.Web.Pages.Admin.Mail.Templates;

/// <summary>One email's wording for an edition and a language: edit, preview against a sample guest, test, reset.</summary>
public sealed class EditModel(SummitDbContext db, MailOutbox outbox, TimeProvider clock, Summit.Core.Site.SiteLinks links, IStringLocalizer<SharedResource> L) : PageModel
{
    public Edition Edition { get; private set; } = null!;

    public string Kind { get; private set; } = "";

    public string Culture { get; private set; } = "en";

    [BindProperty]
    public string? Subject { get; set; }

    [BindProperty]
    public string? Body { get; set; }

    /// <summary>The built-in email and the one with this wording, for a sample guest.</summary>
    public MailDraft BuiltIn { get; private set; } = null!;

    public MailDraft? Preview { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(string edition, string kind, string culture, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(edition, kind, culture, cancellationToken))
        {
            return NotFound();
        }

        var stored = await StoredAsync(cancellationToken);
        Subject = stored?.Subject;
        Body = stored?.Body;
        if (stored is not null)
        {
            Preview = Render();
        }

        return Page();
    }

    public async Task<IActionResult> OnPostPreviewAsync(string edition, string kind, string culture, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(edition, kind, culture, cancellationToken))
        {
            return NotFound();
        }

        if (Valid())
        {
            Preview = Render();
        }

        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(string edition, string kind, string culture, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(edition, kind, culture, cancellationToken))
        {
            return NotFound();
        }

        if (!Valid())
        {
            return Page();
        }

        var stored = await db.MailTemplateOverrides.FirstOrDefaultAsync(o => o.EditionId == Edition.Id && o.Kind == Kind && o.Culture == Culture, cancellationToken);
        if (string.IsNullOrWhiteSpace(Subject) && string.IsNullOrWhiteSpace(Body))
        {
            if (stored is not null)
            {
                db.MailTemplateOverrides.Remove(stored);
            }
        }
        else
        {
            if (stored is null)
            {
                stored = new MailTemplateOverride(Edition.Id, Kind, Culture);
                db.MailTemplateOverrides.Add(stored);
            }

            stored.Change(Subject, Body, User.FindFirstValue(ClaimTypes.Email) ?? "", clock.GetUtcNow());
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            ModelState.AddModelError("", L["Someone saved this wording at the same moment; look again."]);
            return Page();
        }

        Message = stored is null || string.IsNullOrWhiteSpace(Subject) && string.IsNullOrWhiteSpace(Body) ? L["Back to the built-in wording."] : L["Saved."];
        return RedirectToPage(new { edition = Edition.Slug, kind = Kind, culture = Culture });
    }

    public async Task<IActionResult> OnPostTestAsync(string edition, string kind, string culture, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(edition, kind, culture, cancellationToken))
        {
            return NotFound();
        }

        var email = User.FindFirstValue(ClaimTypes.Email);
        if (!Valid() || email is null)
        {
            return Page();
        }

        var draft = Render();
        await outbox.QueueAsync(draft with { ToAddress = email, Subject = "[TEST] " + draft.Subject }, cancellationToken);
        Message = L["A test is on its way to {0}.", email];
        return RedirectToPage(new { edition = Edition.Slug, kind = Kind, culture = Culture });
    }

    private bool Valid()
    {
        ModelState.AddRefusals(MailOverrides.Check(Kind, Subject, Body), L, prefix: "");
        return ModelState.IsValid;
    }

    private MailDraft Render() => MailOverrides.Apply(BuiltIn, NullIfBlank(Subject), NullIfBlank(Body), RegistrationMails.Values(SampleFacts()), SampleFacts().Link);

    private static string? NullIfBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    private RegistrationMails.Facts SampleFacts()
    {
        var chinese = Culture == "zh-Hans";
        return new RegistrationMails.Facts(
            "guest@summit.example", chinese ? "陈美玲" : "Tan Mei Ling", Culture, Edition.Name(chinese), chinese ? "代表" : "Delegate", 3, null,
            links.Registration(new string('0', 32)));
    }

    private Task<MailTemplateOverride?> StoredAsync(CancellationToken cancellationToken) =>
        db.MailTemplateOverrides.AsNoTracking().FirstOrDefaultAsync(o => o.EditionId == Edition.Id && o.Kind == Kind && o.Culture == Culture, cancellationToken);

    private async Task<bool> LoadAsync(string edition, string kind, string culture, CancellationToken cancellationToken)
    {
        var found = await db.Editions.AsNoTracking().WithSlug(edition.ToLowerInvariant()).FirstOrDefaultAsync(cancellationToken);
        if (found is null || !MailOverrides.Kinds.Contains(kind) || culture is not ("en" or "zh-Hans"))
        {
            return false;
        }

        Edition = found;
        Kind = kind;
        Culture = culture;
        var facts = SampleFacts();
        BuiltIn = kind == RegistrationMails.ReminderKind
            ? RegistrationMails.Reminder(facts, 7, found.StartDate, found.EndDate, found.Venue(Cultures.IsChinese(culture)), found.City(Cultures.IsChinese(culture)))
            : kind switch
            {
                "registration.received" => RegistrationMails.For(null, RegistrationStatus.PendingApproval, facts),
                "registration.waitlisted" => RegistrationMails.For(null, RegistrationStatus.Waitlisted, facts),
                "registration.promoted" => RegistrationMails.For(RegistrationStatus.Waitlisted, RegistrationStatus.Confirmed, facts),
                "registration.declined" => RegistrationMails.For(RegistrationStatus.PendingApproval, RegistrationStatus.Declined, facts),
                "registration.cancelled" => RegistrationMails.For(RegistrationStatus.Confirmed, RegistrationStatus.Cancelled, facts),
                _ => RegistrationMails.For(null, RegistrationStatus.Confirmed, facts),
            };
        return true;
    }
}
