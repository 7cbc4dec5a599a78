namespace Summit.Core.Mail;

public enum MailStatus
{
    Queued,
    Sending,
    Sent,
    Failed,
    Cancelled,
}

/// <summary>
/// Every email is a row before it is sent: the send job takes only this id, checks the state first,
/// and gives the message a Message-ID derived from the row, so a rerun never sends a second, different copy.
/// </summary>
public sealed class OutgoingMail
{
    private OutgoingMail()
    {
    }

    public OutgoingMail(string kind, string toAddress, string? toName, string culture, string subject, string htmlBody, string textBody, DateTimeOffset now, string? entity = null, string? entityVersion = null)
    {
        Kind = kind;
        Entity = entity;
        EntityVersion = entityVersion;
        DedupKey = entity is null || entityVersion is null ? null : KeyFor(kind, entity, entityVersion, toAddress);
        ToAddress = toAddress;
        // Names and subjects built from organizers' texts and people's names can outgrow their columns; a long subject
        // cut short beats an email never written.
        ToName = toName is { Length: > 200 } ? toName[..199] + "…" : toName;
        Culture = culture;
        Subject = subject.Length > 300 ? subject[..299] + "…" : subject;
        HtmlBody = htmlBody;
        TextBody = textBody;
        CreatedAt = now;
        Status = MailStatus.Queued;
    }

    public long Id { get; private set; }

    /// <summary>What the email is for, e.g. <c>account.confirm-email</c>.</summary>
    public string Kind { get; private set; } = "";

    public string ToAddress { get; private set; } = "";

    /// <summary>What the email is about, e.g. <c>registration:42</c>; the mail log links and filters by it.</summary>
    public string? Entity { get; private set; }

    /// <summary>Which state of <see cref="Entity"/> the email reports (a status change, a programme version).</summary>
    public string? EntityVersion { get; private set; }

    /// <summary>
    /// One email per (kind, entity, version, recipient), enforced by a unique index: the same change reported twice
    /// (a retried request, a handler run again) finds the first row instead of queuing a second email. Null for
    /// emails a person asks for again on purpose (a new password link), which have no version.
    /// </summary>
    public string? DedupKey { get; private set; }

    private readonly List<OutgoingMailAttachment> attachments = [];

    public IReadOnlyList<OutgoingMailAttachment> Attachments => attachments;

    public void Attach(string fileName, string contentType, byte[] content) => attachments.Add(new OutgoingMailAttachment(fileName, contentType, content));

    public static string KeyFor(string kind, string entity, string? version, string toAddress) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{kind}\n{entity}\n{version}\n{toAddress.Trim().ToLowerInvariant()}")));

    public string? ToName { get; private set; }

    public string Culture { get; private set; } = "en";

    public string Subject { get; private set; } = "";

    public string HtmlBody { get; private set; } = "";

    public string TextBody { get; private set; } = "";

    public MailStatus Status { get; private set; }

    public int Attempts { get; private set; }

    public string? LastError { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public string MessageId(string domain) => $"summit-mail-{Id}@{domain}";

    /// <summary>Until when the worker that claimed the row may send it; after that another worker may take over.</summary>
    public DateTimeOffset? LeaseUntil { get; private set; }

    /// <summary>Optimistic concurrency: two workers claiming the same row at once cannot both succeed.</summary>
    public int Version { get; private set; }

    /// <summary>
    /// Claims the row for one send attempt. False when there is nothing to do: already sent, cancelled or failed,
    /// or another worker holds a live lease. Saving the claim fails for the slower of two simultaneous claimants.
    /// </summary>
    public bool BeginAttempt(DateTimeOffset now, TimeSpan lease)
    {
        if (Status is MailStatus.Sent or MailStatus.Cancelled or MailStatus.Failed
            || (Status == MailStatus.Sending && LeaseUntil > now))
        {
            return false;
        }

        Status = MailStatus.Sending;
        LeaseUntil = now + lease;
        UpdatedAt = now;
        Attempts++;
        Version++;
        return true;
    }

    public void MarkSent(DateTimeOffset now)
    {
        Status = MailStatus.Sent;
        SentAt = now;
        UpdatedAt = now;
        LastError = null;
        LeaseUntil = null;
        Version++;
    }

    public void MarkFailed(string error, bool willRetry, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(error);
        UpdatedAt = now;
        Status = willRetry ? MailStatus.Queued : MailStatus.Failed;
        LastError = error.Length > 2000 ? error[..2000] : error;
        LeaseUntil = null;
        Version++;
    }

    /// <summary>
    /// Sends a failed (or cancelled) email again, as the same message (same Message-ID): an organizer's decision after
    /// fixing the address or the server. False when it is queued, being sent or sent already.
    /// </summary>
    public bool Requeue(DateTimeOffset now)
    {
        if (Status is not (MailStatus.Failed or MailStatus.Cancelled))
        {
            return false;
        }

        Status = MailStatus.Queued;
        Attempts = 0;
        LeaseUntil = null;
        UpdatedAt = now;
        Version++;
        return true;
    }

    /// <summary>Stops a queued email before it is sent. False once a worker has it or it is sent.</summary>
    public bool Cancel(DateTimeOffset now)
    {
        if (Status != MailStatus.Queued)
        {
            return false;
        }

        Status = MailStatus.Cancelled;
        UpdatedAt = now;
        Version++;
        return true;
    }
}
