using Hangfire;
using Summit.Core.Webhooks;

namespace Summit.Jobs.Webhooks;

/// <summary>
/// Every 15 s: sends the webhook deliveries that are due again after a back-off, or whose pump died. The first
/// attempt of a new event is made by the consequence that wrote it. Do not rename: Hangfire stores this type's name.
/// </summary>
[AutomaticRetry(Attempts = 0)]
public sealed class DeliverWebhooksJob(WebhookPump pump)
{
    public const string RecurringJobId = "webhooks.deliver-due";

    public Task<int> RunAsync(CancellationToken cancellationToken) => pump.RunAsync(TimeSpan.FromSeconds(12), cancellationToken);
}
