namespace Summit.Core.Consequences;

public enum ConsequenceStatus
{
    Pending,
    Done,
    Failed,
}

/// <summary>
/// What must follow a committed change (an email, a badge, a role), written in the same transaction as the change
/// and carried out afterwards, at least once, by <see cref="ConsequenceRunner"/> (decision 0014). The handler's name
/// and the payload's shape are stored: do not rename a handler or an event type that has rows.
/// </summary>
public sealed class Consequence
{
    public const int HandlerMaxLength = 120;
    public const int QueueMaxLength = 20;
    public const int SubjectMaxLength = 100;
    public const int ErrorMaxLength = 2000;

    private Consequence()
    {
    }

    internal Consequence(string handler, string queue, string subject, string payload, DateTimeOffset now)
    {
        Handler = handler;
        Queue = queue;
        Subject = subject.Length > SubjectMaxLength ? subject[..SubjectMaxLength] : subject;
        Payload = payload;
        CreatedAt = now;
        Status = ConsequenceStatus.Pending;
    }

    public long Id { get; private set; }

    /// <summary>The route's stable name, <c>Handler.Event</c>: <c>RegistrationMailer.RegistrationChanged</c>.</summary>
    public string Handler { get; private set; } = "";

    /// <summary>The Hangfire queue its job runs on (<c>mail</c>, <c>badges</c>, <c>default</c>).</summary>
    public string Queue { get; private set; } = "";

    /// <summary>What it is about, for organizers and for finding it: <c>registration:12</c>.</summary>
    public string Subject { get; private set; } = "";

    /// <summary>The event, as JSON.</summary>
    public string Payload { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public ConsequenceStatus Status { get; private set; }

    /// <summary>How many times a runner took it on, the current one included.</summary>
    public int Attempts { get; private set; }

    /// <summary>A runner has it until then; after that (the worker died) anyone may take it again.</summary>
    public DateTimeOffset? LeasedUntil { get; private set; }

    /// <summary>After a failure: not before then.</summary>
    public DateTimeOffset? NextAttemptAt { get; private set; }

    public DateTimeOffset? DoneAt { get; private set; }

    public string? LastError { get; private set; }
}
