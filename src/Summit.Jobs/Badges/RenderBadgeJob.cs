using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Summit.Core.Data;
using Summit.Core.Site;
using Summit.Jobs.Mail;

namespace Summit.Jobs.Badges;

/// <summary>
/// Renders (or removes) a registration's badge and, when a new one was made, emails it with the PDF attached, once per
/// badge. Takes the registration's id; a rerun finds the file and the email already there. Do not rename: Hangfire
/// stores this type's name.
/// </summary>
[Queue(JobQueues.Badges)]
[AutomaticRetry(Attempts = 5)]
public sealed class RenderBadgeJob(SummitDbContext db, BadgeService badges, MailOutbox outbox, SiteLinks site, ILogger<RenderBadgeJob> logger)
{
    public async Task RunAsync(int registrationId, CancellationToken cancellationToken)
    {
        var badge = await badges.EnsureAsync(registrationId, cancellationToken);
        if (badge is null)
        {
            return;
        }

        var r = await db.Registrations.AsNoTracking().FirstAsync(x => x.Id == registrationId, cancellationToken);
        var edition = await db.Editions.AsNoTracking().Where(e => e.Id == r.EditionId).Select(e => new { e.NameEn, e.NameZh, e.Slug }).FirstAsync(cancellationToken);
        var chinese = Cultures.IsChinese(r.PreferredCulture);
        var draft = BadgeMails.Ready(r.Email, r.DisplayName(chinese), r.PreferredCulture, chinese ? edition.NameZh : edition.NameEn, site.Registration(r.AccessKey))
            with
        { Attachments = [new MailAttachment($"badge-{edition.Slug}.pdf", "application/pdf", await badges.ReadAllAsync(badge, cancellationToken))] };
        await outbox.QueueAsync(draft.About($"registration:{r.Id}", $"badge-{badge.Fingerprint}"), cancellationToken);
        if (badge.Rendered)
        {
            logger.LogInformation("Badge of registration {Registration} rendered ({Fingerprint}).", registrationId, badge.Fingerprint);
        }
    }
}
