using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Summit.Core.Data;
using Summit.Core.Mail;

namespace Summit.Web.Pages.Admin;

public sealed class IndexModel(SummitDbContext db, Core.Dashboard.EditionGlance glance) : PageModel
{
    public int Editions { get; private set; }

    public int UnreadMessages { get; private set; }

    public int Accounts { get; private set; }

    public int FailedMails { get; private set; }

    /// <summary>Speakers whose new photo waits for an organizer (the public page keeps the old one until then).</summary>
    public int PendingPhotos { get; private set; }

    /// <summary>The current edition's charts; null before any edition exists.</summary>
    public Core.Dashboard.Glance? Glance { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Editions = await db.Editions.CountAsync(cancellationToken);
        Glance = await glance.ForAsync(Core.Text.Cultures.IsChinese(System.Globalization.CultureInfo.CurrentUICulture), cancellationToken);
        UnreadMessages = await db.ContactMessages.CountAsync(m => m.ReadAt == null, cancellationToken);
        Accounts = await db.Users.CountAsync(cancellationToken);
        FailedMails = await db.OutgoingMails.CountAsync(m => m.Status == MailStatus.Failed, cancellationToken);
        PendingPhotos = await db.Speakers.CountAsync(s => db.SpeakerPhotos.Any(p => p.SpeakerId == s.Id && p.Status == Core.Speakers.PhotoStatus.Pending), cancellationToken);
    }
}
