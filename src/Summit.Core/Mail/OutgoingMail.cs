using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

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

    public OutgoingMail(string kind, string toAddress, string? toName, string culture, string subject, string htmlBody, string textBody, DateTimeOffset now)
    {
        Kind = kind;
        ToAddress = toAddress;
        ToName = toName;
        Culture = culture;
        Subject = subject;
        HtmlBody = htmlBody;
        TextBody = textBody;
        CreatedAt = now;
        Status = MailStatus.Queued;
    }

    public long Id { get; private set; }

    /// <summary>What the email is for, e.g. <c>account.confirm-email</c>.</summary>
    public string Kind { get; private set; } = "";

    public string ToAddress { get; private set; } = "";

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
        Attempts++;
        Version++;
        return true;
    }

    public void MarkSent(DateTimeOffset now)
    {
        Status = MailStatus.Sent;
        SentAt = now;
        LastError = null;
        LeaseUntil = null;
        Version++;
    }

    public void MarkFailed(string error, bool willRetry)
    {
        ArgumentNullException.ThrowIfNull(error);
        Status = willRetry ? MailStatus.Queued : MailStatus.Failed;
        LastError = error.Length > 2000 ? error[..2000] : error;
        LeaseUntil = null;
        Version++;
    }
}

internal sealed class OutgoingMailConfiguration : IEntityTypeConfiguration<OutgoingMail>
{
    public void Configure(EntityTypeBuilder<OutgoingMail> builder)
    {
        builder.ToTable("OutgoingMail");
        builder.Property(m => m.Kind).HasMaxLength(64);
        builder.Property(m => m.ToAddress).HasMaxLength(254);
        builder.Property(m => m.ToName).HasMaxLength(200);
        builder.Property(m => m.Culture).HasMaxLength(16);
        builder.Property(m => m.Subject).HasMaxLength(300);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.LastError).HasMaxLength(2000);
        builder.Property(m => m.Version).IsConcurrencyToken();
        builder.HasIndex(m => new { m.Status, m.CreatedAt });
    }
}
