using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Summit.Core.Consequences;
using Summit.Core.Data;
using Summit.Core.Editions;
using Summit.Core.Text;

namespace Summit.Core.Webhooks;

/// <summary>What an organizer asks for: where, which events, and a note of who receives them.</summary>
public sealed record WebhookEndpointRequest(string? Url, string? Description, IReadOnlyCollection<string> EventTypes);

public sealed record WebhookEndpointResult(int? EndpointId, IReadOnlyList<Refusal> Refusals)
{
    public bool Saved => EndpointId is not null;
}

/// <summary>Deliveries were written (a test event, a redelivery): the handler runs the pump so they go out now.</summary>
public sealed record WebhookDeliveriesDue(int EndpointId);

/// <summary>An endpoint failed for a day and was paused: its organizers are told.</summary>
public sealed record WebhookEndpointPaused(int EndpointId, DateTimeOffset FailingSince);

/// <summary>Registers, changes, pauses and removes an edition's webhook endpoints; sends a test event; redelivers.</summary>
public sealed class WebhookEndpoints(SummitDbContext db, ConsequenceRecorder consequences, IOptions<WebhookOptions> options, TimeProvider clock)
{
    public static class Reasons
    {
        public const string EventTypes = "Choose at least one event to send.";
        public const string UnknownEventType = "One of the chosen events does not exist.";
        public const string Description = "The description is at most 200 characters, without control characters.";
        public const string UnknownEdition = "This edition does not exist.";
        public const string NotFound = "This endpoint does not exist (any more).";
        public const string Erased = "This event was about a person who has been erased; it cannot be sent again.";
        public const string Delivered = "This delivery is still on its way; it can be sent again once it has been delivered or has failed.";
    }

    public async Task<WebhookEndpointResult> CreateAsync(int editionId, WebhookEndpointRequest request, string? createdBy, CancellationToken cancellationToken = default)
    {
        var refusals = Check(request, out var url, out var description, out var types);
        if (!await db.Editions.AnyAsync(e => e.Id == editionId, cancellationToken))
        {
            refusals.Add(new("Edition", Reasons.UnknownEdition));
        }

        if (refusals.Count > 0)
        {
            return new(null, refusals);
        }

        var endpoint = new WebhookEndpoint(editionId, url!, description, types, createdBy, clock.GetUtcNow());
        db.WebhookEndpoints.Add(endpoint);
        await db.SaveChangesAsync(cancellationToken);
        return new(endpoint.Id, []);
    }

    public async Task<WebhookEndpointResult> UpdateAsync(int id, WebhookEndpointRequest request, CancellationToken cancellationToken = default)
    {
        var refusals = Check(request, out var url, out var description, out var types);
        var endpoint = await db.WebhookEndpoints.FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (endpoint is null)
        {
            return new(null, [new("", Reasons.NotFound)]);
        }

        if (refusals.Count > 0)
        {
            return new(null, refusals);
        }

        endpoint.Change(url!, description, types, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return new(endpoint.Id, []);
    }

    /// <summary>Paused: events are still kept for it, and go out in order once it is resumed.</summary>
    public Task<bool> PauseAsync(int id, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, e => !e.Paused, e => e.Pause(WebhookEndpoint.PausedByOrganizer, clock.GetUtcNow()), due: false, cancellationToken);

    /// <summary>Resumed: what waited goes now (not at its next back-off), with a new day before it is given up.</summary>
    public async Task<bool> ResumeAsync(int id, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await ChangeAsync(id, e => e.Paused, e => e.Resume(now), due: true, cancellationToken))
        {
            return false;
        }

        await db.WebhookDeliveries.Where(d => d.EndpointId == id && d.Status == WebhookDeliveryStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.NextAttemptAt, (DateTimeOffset?)null).SetProperty(d => d.PendingSince, now), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>Every failed delivery of the endpoint again (after an outage longer than a day): how many.</summary>
    public async Task<int> RedeliverFailedAsync(int id, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var count = await db.WebhookDeliveries.Where(d => d.EndpointId == id && d.Status == WebhookDeliveryStatus.Failed && d.Body != WebhookErasure.ErasedBody)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, WebhookDeliveryStatus.Pending).SetProperty(d => d.NextAttemptAt, (DateTimeOffset?)null).SetProperty(d => d.PendingSince, now), cancellationToken);
        if (count > 0)
        {
            consequences.Record(new WebhookDeliveriesDue(id), $"webhook:{id}");
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return count;
    }

    /// <summary>A new secret; the old one stops being used from the next delivery.</summary>
    public Task<bool> RollSecretAsync(int id, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, _ => true, e => e.RollSecret(clock.GetUtcNow()), due: false, cancellationToken);

    /// <summary>Removes the endpoint with its delivery log; events not yet delivered to it are dropped with it.</summary>
    public async Task<bool> DeleteAsync(int id, CancellationToken cancellationToken = default)
    {
        var endpoint = await db.WebhookEndpoints.FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (endpoint is null)
        {
            return false;
        }

        db.WebhookEndpoints.Remove(endpoint);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Queues a <see cref="WebhookEventTypes.Test"/> event to this endpoint alone; its id, or null if there is no such endpoint.</summary>
    public async Task<long?> SendTestAsync(int id, CancellationToken cancellationToken = default)
    {
        var endpoint = await db.WebhookEndpoints.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (endpoint is null)
        {
            return null;
        }

        var edition = await db.Editions.AsNoTracking().FirstAsync(e => e.Id == endpoint.EditionId, cancellationToken);
        var now = clock.GetUtcNow();
        var eventId = Guid.NewGuid().ToString();
        var body = WebhookBodies.Write(eventId, WebhookEventTypes.Test, now, edition, new { endpoint = endpoint.Id, message = "A test event sent by an organizer from Summit." });
        var delivery = new WebhookDelivery(endpoint.Id, eventId, WebhookEventTypes.Test, $"test:{eventId}", 0, null, body, now);
        db.WebhookDeliveries.Add(delivery);
        consequences.Record(new WebhookDeliveriesDue(endpoint.Id), $"webhook:{endpoint.Id}");
        await db.SaveChangesAsync(cancellationToken);
        return delivery.Id;
    }

    /// <summary>Sends a delivered or failed event again, the same body and event id (receivers deduplicate by it).</summary>
    public async Task<Refusal?> RedeliverAsync(int endpointId, long deliveryId, CancellationToken cancellationToken = default)
    {
        var delivery = await db.WebhookDeliveries.FirstOrDefaultAsync(d => d.Id == deliveryId && d.EndpointId == endpointId, cancellationToken);
        if (delivery is null)
        {
            return new("", Reasons.NotFound);
        }

        if (delivery.Status == WebhookDeliveryStatus.Pending)
        {
            return new("", Reasons.Delivered);
        }

        if (delivery.Body == WebhookErasure.ErasedBody)
        {
            return new("", Reasons.Erased);
        }

        delivery.Redeliver(clock.GetUtcNow());
        consequences.Record(new WebhookDeliveriesDue(endpointId), $"webhook:{endpointId}");
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    private async Task<bool> ChangeAsync(int id, Func<WebhookEndpoint, bool> applies, Action<WebhookEndpoint> change, bool due, CancellationToken cancellationToken)
    {
        var endpoint = await db.WebhookEndpoints.FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (endpoint is null || !applies(endpoint))
        {
            return false;
        }

        change(endpoint);
        if (due)
        {
            consequences.Record(new WebhookDeliveriesDue(endpoint.Id), $"webhook:{endpoint.Id}");
        }

        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private List<Refusal> Check(WebhookEndpointRequest request, out string? url, out string? description, out IReadOnlyList<string> types)
    {
        ArgumentNullException.ThrowIfNull(request);
        var refusals = new List<Refusal>();
        url = null;
        if (WebhookAddresses.Check(request.Url, options.Value, out var parsed) is { } refused)
        {
            refusals.Add(new(nameof(WebhookEndpointRequest.Url), refused));
        }
        else if (parsed!.AbsoluteUri.Length > WebhookEndpoint.UrlMaxLength)
        {
            // As stored: a non-ASCII path grows when percent-encoded.
            refusals.Add(new(nameof(WebhookEndpointRequest.Url), WebhookAddresses.Reasons.Url));
        }
        else
        {
            url = parsed.AbsoluteUri;
        }

        description = string.IsNullOrWhiteSpace(request.Description) ? null : request.Description.Trim();
        if (description is not null && (description.Length > WebhookEndpoint.DescriptionMaxLength || Texts.HasControlCharacters(description)))
        {
            refusals.Add(new(nameof(WebhookEndpointRequest.Description), Reasons.Description));
        }

        var chosen = (request.EventTypes ?? []).Distinct(StringComparer.Ordinal).ToList();
        if (chosen.Count == 0)
        {
            refusals.Add(new(nameof(WebhookEndpointRequest.EventTypes), Reasons.EventTypes));
        }
        else if (!chosen.All(WebhookEventTypes.IsKnown))
        {
            refusals.Add(new(nameof(WebhookEndpointRequest.EventTypes), Reasons.UnknownEventType));
        }

        types = WebhookEventTypes.All.Where(chosen.Contains).ToList();
        return refusals;
    }
}
