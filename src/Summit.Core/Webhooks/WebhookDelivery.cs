namespace Summit.Core.Webhooks;

public enum WebhookDeliveryStatus
{
    Pending,
    Delivered,
    Failed,
}

/// <summary>
/// One event for one endpoint, and the log of its attempts: written by the consequence of a committed change
/// (decision 0017), sent at least once, in order per object and endpoint, retried with back-off for up to a day.
/// The body is kept as first built, so a redelivery sends the same event with the same id.
/// </summary>
public sealed class WebhookDelivery
{
    public const int ErrorMaxLength = 500;

    /// <summary>Of a receiver's answer, only this much is kept (it is theirs, and may be anything).</summary>
    public const int ResponseMaxLength = 1024;

    private WebhookDelivery()
    {
    }

    internal WebhookDelivery(int endpointId, string eventId, string eventType, string subject, long sequence, long? consequenceId, string body, DateTimeOffset now)
    {
        EndpointId = endpointId;
        EventId = eventId;
        EventType = eventType;
        Subject = subject;
        Sequence = sequence;
        ConsequenceId = consequenceId;
        Body = body;
        CreatedAt = now;
        PendingSince = now;
        Status = WebhookDeliveryStatus.Pending;
    }

    public long Id { get; private set; }

    public int EndpointId { get; private set; }

    /// <summary>The event's id, the same in every delivery of it: receivers deduplicate by it.</summary>
    public string EventId { get; private set; } = "";

    public string EventType { get; private set; } = "";

    /// <summary>The object it is about (<c>registration:12</c>): deliveries of one object go out in order.</summary>
    public string Subject { get; private set; } = "";

    /// <summary>The commit order: the id of the consequence that made it (0 for a test event).</summary>
    public long Sequence { get; private set; }

    /// <summary>The consequence that wrote it, so that one run again writes nothing twice.</summary>
    public long? ConsequenceId { get; private set; }

    public string Body { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Since when it has been waiting (made, redelivered, or its endpoint resumed): it is given up a day after.</summary>
    public DateTimeOffset PendingSince { get; private set; }

    public WebhookDeliveryStatus Status { get; private set; }

    public int Attempts { get; private set; }

    public DateTimeOffset? NextAttemptAt { get; private set; }

    public DateTimeOffset? LeasedUntil { get; private set; }

    public Guid? LeaseToken { get; private set; }

    public DateTimeOffset? LastAttemptAt { get; private set; }

    /// <summary>The receiver's HTTP status; null when there was no answer (timeout, refused, blocked address).</summary>
    public int? LastStatusCode { get; private set; }

    public string? LastError { get; private set; }

    public string? LastResponse { get; private set; }

    public int? LastDurationMs { get; private set; }

    public DateTimeOffset? DeliveredAt { get; private set; }

    internal void Sent(WebhookAttempt attempt, DateTimeOffset? nextAttempt, bool giveUp)
    {
        LastAttemptAt = attempt.At;
        LastStatusCode = attempt.StatusCode;
        LastError = Clip(Printable(attempt.Error), ErrorMaxLength);
        LastResponse = Clip(Printable(attempt.Response), ResponseMaxLength);
        LastDurationMs = attempt.DurationMs;
        LeasedUntil = null;
        LeaseToken = null;
        if (attempt.Succeeded)
        {
            Status = WebhookDeliveryStatus.Delivered;
            DeliveredAt = attempt.At;
            NextAttemptAt = null;
        }
        else if (giveUp)
        {
            Status = WebhookDeliveryStatus.Failed;
            NextAttemptAt = null;
        }
        else
        {
            NextAttemptAt = nextAttempt;
        }
    }

    internal void Redeliver(DateTimeOffset now)
    {
        Status = WebhookDeliveryStatus.Pending;
        PendingSince = now;
        NextAttemptAt = null;
        LeasedUntil = null;
        LeaseToken = null;
    }

    private static string? Clip(string? text, int length) => text is null || text.Length <= length ? text : text[..length];

    /// <summary>A receiver's answer may hold anything; NUL and other control characters (which PostgreSQL text refuses) become U+FFFD.</summary>
    internal static string? Printable(string? text) =>
        text is null || !text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t'))
            ? text
            : new string(text.Select(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t') ? '\uFFFD' : c).ToArray());
}

/// <summary>What one POST came to (at the time its answer came): the receiver's status and (the start of) its answer, or why there was none.</summary>
public sealed record WebhookAttempt(DateTimeOffset At, int? StatusCode, string? Response, string? Error, int DurationMs)
{
    public bool Succeeded => StatusCode is >= 200 and < 300;
}
