using Microsoft.EntityFrameworkCore;
using Summit.Core.Data;

namespace Summit.Core.Webhooks;

/// <summary>
/// An erased person leaves no copy in the delivery log: the bodies of the events about them are replaced (the log
/// keeps that an event was sent, and when), and those not yet delivered are not sent with the old data.
/// </summary>
public static class WebhookErasure
{
    public const string ErasedBody = "{\"erased\":true}";

    public const string NotSent = "Not sent: the person was erased before it was delivered.";

    public static async Task ScrubAsync(SummitDbContext db, string subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        // The lease goes too: a pump sending one of them right now writes its result only while it holds the row,
        // so it can neither put the row back to pending nor write the answer over the scrub.
        await db.WebhookDeliveries.Where(d => d.Subject == subject && (d.Status == WebhookDeliveryStatus.Pending || d.LeaseToken != null))
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, d => d.Status == WebhookDeliveryStatus.Pending ? WebhookDeliveryStatus.Failed : d.Status)
                .SetProperty(d => d.LastError, d => d.Status == WebhookDeliveryStatus.Pending ? NotSent : d.LastError)
                .SetProperty(d => d.NextAttemptAt, (DateTimeOffset?)null)
                .SetProperty(d => d.LeaseToken, (Guid?)null).SetProperty(d => d.LeasedUntil, (DateTimeOffset?)null), cancellationToken);
        await db.WebhookDeliveries.Where(d => d.Subject == subject)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Body, ErasedBody).SetProperty(d => d.LastResponse, (string?)null), cancellationToken);
    }
}
