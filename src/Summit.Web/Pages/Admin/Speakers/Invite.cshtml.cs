using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Summit.Core.Accounts;
using Summit.Core.Data;
using Summit.Core.Site;
using Summit.Core.Speakers;
using Summit.Jobs.Mail;
using Summit.Jobs.Speakers;
using Summit.Web.Localization;

namespace Summit.Web.Pages.Admin.Speakers;

/// <summary>Emails a speaker a single-use link to look after their own profile.</summary>
public sealed class InviteModel(SummitDbContext db, SpeakerInvitations invitations, MailOutbox outbox, SiteLinks links, UserManager<SummitUser> users, IStringLocalizer<SharedResource> L) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Enter your email address.")]
    [StringLength(254, ErrorMessage = "Keep this under {1} characters.")]
    [Display(Name = "Email address")]
    public string Email { get; set; } = "";

    [BindProperty]
    [Display(Name = "Language for emails")]
    public string Culture { get; set; } = Cultures.English;

    public Speaker Speaker { get; private set; } = null!;

    public string? LinkedAccount { get; private set; }

    public SpeakerInvitation? Latest { get; private set; }

    public bool Sent { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, bool sent, CancellationToken cancellationToken)
    {
        Sent = sent;
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Email = Speaker.ContactEmail ?? "";
        var account = Speaker.UserId is null ? null : await db.Users.Where(u => u.Id == Speaker.UserId).Select(u => u.PreferredCulture).FirstOrDefaultAsync(cancellationToken);
        Culture = SpeakerNames.Culture(account, Speaker.NameZh, Speaker.NameLatin, Speaker.CountryCode);
        return Page();
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

        var (issued, refusal) = await invitations.InviteAsync(id, Email, users.GetUserId(User) ?? "", cancellationToken);
        if (issued is null)
        {
            ModelState.AddRefusals([refusal!], L, prefix: "");
            return Page();
        }

        var culture = Cultures.Normalize(Culture);
        var name = Speaker.DisplayName(culture == Cultures.Chinese);
        await outbox.QueueAsync(SpeakerMails.Invitation(issued.Email, name, culture, links.SpeakerInvitation(issued.Token), issued.ExpiresAt).About($"speaker:{id}", null), cancellationToken);
        return RedirectToPage(new { id, sent = true });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var speaker = await db.Speakers.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (speaker is null)
        {
            return false;
        }

        Speaker = speaker;
        Latest = await invitations.LatestAsync(id, cancellationToken);
        LinkedAccount = speaker.UserId is null ? null : await db.Users.Where(u => u.Id == speaker.UserId).Select(u => u.Email).FirstOrDefaultAsync(cancellationToken);
        return true;
    }
}
