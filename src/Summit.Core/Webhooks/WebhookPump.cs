using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Summit.Core.Consequences;
using Summit.Core.Data;

namespace Summit.Core.Webhooks;

/// <summary>Makes one POST (Summit.Jobs: over HTTP with the SSRF guard and the timeout). Never throws for the receiver's failures: they are the attempt's result.</summary>
public interface IWebhookTransport
{
    Task<WebhookAttempt> PostAsync(Uri url, string body, IReadOnlyList<KeyValuePair<string, string>> headers, CancellationToken cancellationToken);
}

/// <summary>
/// Sends what is due: takes a batch of pending deliveries on a lease (so two pumps, on two workers, never send the
/// same one at once, and a dead pump's lease runs out), only the first undelivered event of each object and
/// endpoint (so a receiver gets an object's events in commit order), posts them side by side, and records each
/// answer: delivered, to be tried again after a back-off, or failed after a day. An endpoint failing for a day
/// without one success is paused, and its organizers told.
/// </summary>
public sealed class WebhookPump(SummitDbContext db, IWebhookTransport transport, ConsequenceRecorder consequences, IOptions<WebhookOptions> options, TimeProvider clock, ILogger<WebhookPump> logger)
{
    private const string PublishedHandler = nameof(WebhookEvents) + "." + nameof(Scheduling.ScheduleVersionPublished);

    /// <summary>How long the consequence that wrote an event goes on sending (its own lease is 30 s).</summary>
    public static readonly TimeSpan InlineBudget = TimeSpan.FromSeconds(5);

    /// <summary>
    /// A pump's hold on a batch: as long as its slowest course of sends may take (every receiver using its whole
    /// timeout, <see cref="WebhookOptions.Parallelism"/> at a time), and 20 s more.
    /// </summary>
    public const string BacklogSubject = "webhook:backlog";

    public TimeSpan LeaseFor(int count) =>
        (options.Value.Timeout * Math.Ceiling(count / (double)Math.Max(1, options.Value.Parallelism))) + TimeSpan.FromSeconds(20);

    /// <summary>
    /// Sends batches until none is due or <paramref name="budget"/> is spent; how many attempts were made. When the
    /// budget ran out with more due, a <see cref="WebhookDeliveriesDue"/> consequence carries on at once (a backlog
    /// does not wait for the 15-second sweep).
    /// </summary>
    /// <param name="runningIn">The consequence this pump runs in (its own events must not wait for it to end), or 0.</param>
    public async Task<int> RunAsync(TimeSpan budget, CancellationToken cancellationToken, long runningIn = 0)
    {
        var watch = Stopwatch.StartNew();
        var attempts = 0;
        while (true)
        {
            if (watch.Elapsed >= budget)
            {
                // One carrying-on is enough: pumps that ran out together do not each start another chain.
                if (await Due(clock.GetUtcNow(), runningIn).AnyAsync(cancellationToken)
                    && !await db.Consequences.AnyAsync(c => c.Subject == BacklogSubject && c.Status == ConsequenceStatus.Pending && c.Id != runningIn, cancellationToken))
                {
                    consequences.Record(new WebhookDeliveriesDue(0), BacklogSubject);
                    await db.SaveChangesAsync(cancellationToken);
                }

                break;
            }

            var batch = await ClaimAsync(runningIn, cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            var results = new WebhookAttempt[batch.Count];
            await Parallel.ForEachAsync(
                Enumerable.Range(0, batch.Count),
                new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Value.Parallelism), CancellationToken = cancellationToken },
                async (i, token) => results[i] = (await SendAsync(batch[i], token)) with { At = clock.GetUtcNow() });
            await RecordAsync(batch, results, cancellationToken);
            attempts += batch.Count;
        }

        return attempts;
    }

    private sealed record Claimed(WebhookDelivery Delivery, WebhookEndpoint Endpoint, Guid Token);

    /// <summary>The ids of the deliveries a pump may take now, oldest first.</summary>
    private IQueryable<long> Due(DateTimeOffset now, long runningIn) =>
        db.WebhookDeliveries.AsNoTracking()
            .Where(d => d.Status == WebhookDeliveryStatus.Pending
                        && (d.NextAttemptAt == null || d.NextAttemptAt <= now)
                        && (d.LeasedUntil == null || d.LeasedUntil < now))
            .Where(d => db.WebhookEndpoints.Any(e => e.Id == d.EndpointId && e.PausedAt == null))
            // In commit order per object: nothing earlier for the same object and endpoint still on its way …
            .Where(d => !db.WebhookDeliveries.Any(e => e.EndpointId == d.EndpointId && e.Subject == d.Subject && e.Status == WebhookDeliveryStatus.Pending
                                                      && (e.Sequence < d.Sequence || (e.Sequence == d.Sequence && e.Id < d.Id))))
            // … nor an earlier change of it whose events are not written yet.
            .Where(d => !db.Consequences.Any(c => c.Subject == d.Subject && c.Status == ConsequenceStatus.Pending && c.Id < d.Sequence && c.Id != runningIn && c.Handler.StartsWith(nameof(WebhookEvents) + ".")))
            // A programme version's events are about many sessions: an earlier version's must be written first.
            .Where(d => !(d.Subject.StartsWith("session:") || d.Subject.StartsWith("schedule:"))
                        || !db.Consequences.Any(c => c.Handler == PublishedHandler && c.Status == ConsequenceStatus.Pending && c.Id < d.Sequence && c.Id != runningIn))
            .OrderBy(d => d.Id)
            .Select(d => d.Id);

    private async Task<IReadOnlyList<Claimed>> ClaimAsync(long runningIn, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        // In a consequence (its own lease is 30 s), one course of sends at most: a batch never outlives that lease.
        var size = runningIn == 0 ? Math.Max(1, options.Value.BatchSize) : Math.Max(1, options.Value.Parallelism);
        var candidates = await Due(now, runningIn).Take(size).ToListAsync(cancellationToken);
        if (candidates.Count == 0)
        {
            return [];
        }

        var token = Guid.NewGuid();
        var until = now + LeaseFor(candidates.Count);
        var taken = await db.WebhookDeliveries
            .Where(d => candidates.Contains(d.Id) && d.Status == WebhookDeliveryStatus.Pending && (d.LeasedUntil == null || d.LeasedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.LeaseToken, token).SetProperty(d => d.LeasedUntil, until).SetProperty(d => d.Attempts, d => d.Attempts + 1), cancellationToken);
        if (taken == 0)
        {
            return [];
        }

        var deliveries = await db.WebhookDeliveries.AsNoTracking().Where(d => d.LeaseToken == token).OrderBy(d => d.Id).ToListAsync(cancellationToken);
        var endpointIds = deliveries.Select(d => d.EndpointId).Distinct().ToList();
        var endpoints = await db.WebhookEndpoints.AsNoTracking().Where(e => endpointIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, cancellationToken);
        return deliveries.Where(d => endpoints.ContainsKey(d.EndpointId)).Select(d => new Claimed(d, endpoints[d.EndpointId], token)).ToList();
    }

    private async Task<WebhookAttempt> SendAsync(Claimed claimed, CancellationToken cancellationToken)
    {
        var delivery = claimed.Delivery;
        var now = clock.GetUtcNow();
        if (WebhookAddresses.Check(claimed.Endpoint.Url, options.Value, out var url) is { } refused)
        {
            // Allowed when it was saved, not any more (the settings changed): an answer the organizers can read.
            return new WebhookAttempt(now, null, null, refused, 0);
        }

        var headers = new List<KeyValuePair<string, string>>
        {
            new(WebhookSignature.Header, WebhookSignature.Sign(claimed.Endpoint.Secret, now, delivery.Body)),
            new("Summit-Event-Id", delivery.EventId),
            new("Summit-Event-Type", delivery.EventType),
            new("Summit-Delivery", delivery.Id.ToString(CultureInfo.InvariantCulture)),
            new("Summit-Attempt", delivery.Attempts.ToString(CultureInfo.InvariantCulture)),
        };
        try
        {
            return await transport.PostAsync(url!, delivery.Body, headers, cancellationToken);
        }
#pragma warning disable CA1031 // Whatever went wrong with one receiver is that delivery's failed attempt, recorded; never the batch's.
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            return new WebhookAttempt(clock.GetUtcNow(), null, null, ConsequenceRunner.Describe(exception), 0);
        }
    }

    private async Task RecordAsync(IReadOnlyList<Claimed> batch, WebhookAttempt[] results, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        // One statement per delivery, each only while this pump still holds it (a row whose lease ran out, or whose
        // endpoint was removed, is simply not written): one lost row never costs the others their results.
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            for (var i = 0; i < batch.Count; i++)
            {
                var (delivery, _, token) = batch[i];
                var attempt = results[i];
                var giveUp = !attempt.Succeeded && now - delivery.PendingSince >= settings.GiveUpAfter;
                delivery.Sent(attempt, now + settings.RetryDelayAfter(delivery.Attempts), giveUp);
                var id = delivery.Id;
                await db.WebhookDeliveries.Where(d => d.Id == id && d.LeaseToken == token).ExecuteUpdateAsync(s => s
                    .SetProperty(d => d.Status, delivery.Status)
                    .SetProperty(d => d.NextAttemptAt, delivery.NextAttemptAt)
                    .SetProperty(d => d.LeasedUntil, (DateTimeOffset?)null)
                    .SetProperty(d => d.LeaseToken, (Guid?)null)
                    .SetProperty(d => d.LastAttemptAt, delivery.LastAttemptAt)
                    .SetProperty(d => d.LastStatusCode, delivery.LastStatusCode)
                    .SetProperty(d => d.LastError, delivery.LastError)
                    .SetProperty(d => d.LastResponse, delivery.LastResponse)
                    .SetProperty(d => d.LastDurationMs, delivery.LastDurationMs)
                    .SetProperty(d => d.DeliveredAt, delivery.DeliveredAt), cancellationToken);
                if (!attempt.Succeeded)
                {
                    logger.LogWarning("Webhook delivery {Delivery} ({Type}) to endpoint {Endpoint} failed on attempt {Attempt}: {Status} {Error}{Last}.",
                        delivery.Id, delivery.EventType, delivery.EndpointId, delivery.Attempts, attempt.StatusCode, delivery.LastError, giveUp ? "; given up" : "");
                }
            }

            await transaction.CommitAsync(cancellationToken);
        }

        // The endpoints' bookkeeping after the commit, each statement on its own (no lock held across them).
        var byEndpoint = batch.Select((c, i) => (c.Endpoint, results[i].Succeeded)).GroupBy(r => r.Endpoint.Id).ToList();
        var succeeded = byEndpoint.Where(g => g.Any(r => r.Succeeded)).Select(g => g.Key).ToList();
        var failing = byEndpoint.Where(g => g.All(r => !r.Succeeded)).Select(g => g.Key).ToList();
        if (succeeded.Count > 0)
        {
            // Not an organizer's change: not in the audit trail (like a token's last use).
            // LastSuccessAt to the minute: one write a minute per endpoint, not one per batch of every pump in a rush.
            var minuteAgo = now.AddMinutes(-1);
            await db.WebhookEndpoints.Where(e => succeeded.Contains(e.Id) && (e.FailingSince != null || e.LastSuccessAt == null || e.LastSuccessAt < minuteAgo))
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.FailingSince, (DateTimeOffset?)null).SetProperty(e => e.LastSuccessAt, now), cancellationToken);
            // A receiver that was failing answers again: what waits for a later retry goes now, not hours from now.
            var recovered = byEndpoint.Where(g => succeeded.Contains(g.Key) && g.First().Endpoint.FailingSince is not null).Select(g => g.Key).ToList();
            if (recovered.Count > 0)
            {
                await db.WebhookDeliveries.Where(d => recovered.Contains(d.EndpointId) && d.Status == WebhookDeliveryStatus.Pending && d.NextAttemptAt > now)
                    .ExecuteUpdateAsync(s => s.SetProperty(d => d.NextAttemptAt, now), cancellationToken);
            }
        }

        if (failing.Count > 0)
        {
            await db.WebhookEndpoints.Where(e => failing.Contains(e.Id) && e.FailingSince == null)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.FailingSince, now), cancellationToken);
            var since = now - settings.PauseAfter;
            var toPause = await db.WebhookEndpoints.Where(e => failing.Contains(e.Id) && e.PausedAt == null && e.FailingSince <= since).ToListAsync(cancellationToken);
            foreach (var endpoint in toPause)
            {
                endpoint.Pause(WebhookEndpoint.PausedFailing, now);
                consequences.Record(new WebhookEndpointPaused(endpoint.Id, endpoint.FailingSince ?? now), $"webhook:{endpoint.Id}");
                logger.LogWarning("Webhook endpoint {Endpoint} failed since {Since} without a success and is paused.", endpoint.Id, endpoint.FailingSince);
            }

            if (toPause.Count > 0)
            {
                // The pause and the email's consequence in one SaveChanges (one transaction).
                await db.SaveChangesAsync(cancellationToken);
            }
        }

        db.ChangeTracker.Clear();
    }
}
