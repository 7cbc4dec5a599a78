using System.Security.Cryptography;

namespace Summit.Core.Webhooks;

/// <summary>
/// A receiver of an edition's events: where to POST, which event types, and the secret the bodies are signed with
/// (kept as it is: the signature needs it, as with pretix and Stripe; it is shown to organizers, never in the trail).
/// </summary>
public sealed class WebhookEndpoint
{
    public const int UrlMaxLength = 500;
    public const int DescriptionMaxLength = 200;
    public const string SecretPrefix = "whsec_";

    /// <summary>Why an endpoint is paused: an organizer paused it, or it kept failing for a day.</summary>
    public const string PausedByOrganizer = "organizer";
    public const string PausedFailing = "failing";

    private WebhookEndpoint()
    {
    }

    public WebhookEndpoint(int editionId, string url, string? description, IEnumerable<string> eventTypes, string? createdBy, DateTimeOffset now)
    {
        EditionId = editionId;
        Url = url;
        Description = description;
        EventTypes = string.Join(' ', eventTypes);
        Secret = NewSecret();
        CreatedBy = createdBy;
        CreatedAt = now;
        UpdatedAt = now;
    }

    public int Id { get; private set; }

    public int EditionId { get; private set; }

    public string Url { get; private set; } = "";

    public string? Description { get; private set; }

    /// <summary>The subscribed types, space-separated (<see cref="WebhookEventTypes"/>).</summary>
    public string EventTypes { get; private set; } = "";

    public string Secret { get; private set; } = "";

    public string? CreatedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? PausedAt { get; private set; }

    /// <summary><see cref="PausedByOrganizer"/> or <see cref="PausedFailing"/>.</summary>
    public string? PausedReason { get; private set; }

    /// <summary>The first failure of the current run of failures; cleared by a success.</summary>
    public DateTimeOffset? FailingSince { get; private set; }

    public DateTimeOffset? LastSuccessAt { get; private set; }

    public IReadOnlyList<string> Types => EventTypes.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public bool Subscribes(string type) => Types.Contains(type, StringComparer.Ordinal);

    public bool Paused => PausedAt is not null;

    internal void Change(string url, string? description, IEnumerable<string> eventTypes, DateTimeOffset now)
    {
        Url = url;
        Description = description;
        EventTypes = string.Join(' ', eventTypes);
        UpdatedAt = now;
    }

    internal void Pause(string reason, DateTimeOffset now)
    {
        PausedAt = now;
        PausedReason = reason;
        UpdatedAt = now;
    }

    internal void Resume(DateTimeOffset now)
    {
        PausedAt = null;
        PausedReason = null;
        FailingSince = null;
        UpdatedAt = now;
    }

    internal void RollSecret(DateTimeOffset now)
    {
        Secret = NewSecret();
        UpdatedAt = now;
    }

    private static string NewSecret() =>
        SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_').TrimEnd('=');
}
