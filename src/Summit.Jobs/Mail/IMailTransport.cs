using MimeKit;

namespace Summit.Jobs.Mail;

/// <summary>Where a finished message goes: an SMTP server, or the outbox folder of the embedded default.</summary>
public interface IMailTransport
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}
