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

    /// <summary>False when there is nothing left to do (sent or cancelled): the job then returns without sending.</summary>
    public bool BeginAttempt()
    {
        if (Status is MailStatus.Sent or MailStatus.Cancelled)
        {
            return false;
        }

        Status = MailStatus.Sending;
        Attempts++;
        return true;
    }

    public void MarkSent(DateTimeOffset now)
    {
        Status = MailStatus.Sent;
        SentAt = now;
        LastError = null;
    }

    public void MarkFailed(string error, bool willRetry)
    {
        Status = willRetry ? MailStatus.Queued : MailStatus.Failed;
        LastError = error.Length > 2000 ? error[..2000] : error;
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
        builder.HasIndex(m => new { m.Status, m.CreatedAt });
    }
}
