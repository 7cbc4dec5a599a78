using Microsoft.EntityFrameworkCore;
using Summit.Core.Accounts;
using Summit.Core.Consequences;
using Summit.Core.Data;
using Summit.Core.Site;
using Summit.Core.Webhooks;
using Summit.Jobs.Mail;

namespace Summit.Jobs.Webhooks;

/// <summary>Tells every organizer that an endpoint was paused after failing for a day.</summary>
public sealed class WebhookMailer(SummitDbContext db, MailOutbox outbox, SiteLinks site) : IConsequenceHandler<WebhookEndpointPaused>
{
    public const string PausedKind = "webhook.paused";

    public async Task HandleAsync(WebhookEndpointPaused happened, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(happened);
        var endpoint = await db.WebhookEndpoints.AsNoTracking().FirstOrDefaultAsync(e => e.Id == happened.EndpointId, cancellationToken);
        if (endpoint is not { PausedReason: WebhookEndpoint.PausedFailing })
        {
            // Removed, or resumed since: nothing to tell.
            return;
        }

        var edition = await db.Editions.AsNoTracking().FirstAsync(e => e.Id == endpoint.EditionId, cancellationToken);
        var organizers = await db.Roles.Where(r => r.Name == Roles.Organizer)
            .Join(db.UserRoles, r => r.Id, ur => ur.RoleId, (r, ur) => ur.UserId)
            .Join(db.Users, id => id, u => u.Id, (id, u) => new { u.Email, u.DisplayName, u.PreferredCulture })
            .ToListAsync(cancellationToken);
        var link = site.Link($"/admin/webhooks/{endpoint.Id}");
        foreach (var organizer in organizers.Where(o => o.Email is not null))
        {
            var chinese = Cultures.IsChinese(organizer.PreferredCulture);
            var name = chinese ? edition.NameZh : edition.NameEn;
            var draft = chinese
                ? MailLayout.Draft(PausedKind, organizer.Email!, organizer.DisplayName, organizer.PreferredCulture, $"Webhook 已暂停 · {name}", $"{organizer.DisplayName}，您好：",
                    [$"发往 {endpoint.Url} 的 Webhook 自 {happened.FailingSince:yyyy-MM-dd HH:mm} (UTC) 起一直失败，没有一次成功，因此已暂停。", "暂停期间事件仍会保留；接收方恢复后，请在 Summit 中恢复此端点，事件将按顺序补发。"],
                    [], "查看投递记录", link, "此邮件由 Summit 自动发送。")
                : MailLayout.Draft(PausedKind, organizer.Email!, organizer.DisplayName, organizer.PreferredCulture, $"Webhook paused · {name}", $"Dear {organizer.DisplayName},",
                    [$"The webhook to {endpoint.Url} has failed since {happened.FailingSince:yyyy-MM-dd HH:mm} (UTC) without a single success, so it is paused.", "Events are still kept for it. Once the receiver works again, resume the endpoint in Summit and they go out in order."],
                    [], "See the delivery log", link, "Sent by Summit.");
            await outbox.QueueAsync(draft.About($"webhook:{endpoint.Id}", $"paused-{endpoint.PausedAt?.ToUnixTimeMilliseconds()}"), cancellationToken);
        }
    }
}
