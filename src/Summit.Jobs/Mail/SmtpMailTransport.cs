using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Summit.Jobs.Mail;

public sealed class SmtpMailTransport(IOptions<SmtpOptions> options) : IMailTransport
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var smtp = options.Value;
        using var client = new SmtpClient();
        var security = smtp.Security switch
        {
            SmtpSecurity.None => SecureSocketOptions.None,
            SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
            SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
            _ => SecureSocketOptions.Auto,
        };
        await client.ConnectAsync(smtp.Host!, smtp.Port, security, cancellationToken).ConfigureAwait(false);
        if (!string.IsNullOrEmpty(smtp.User))
        {
            // With Security=Auto, a server (or an attacker in between) that does not offer STARTTLS would get the
            // password in clear text. Only an explicit Security=None allows that.
            if (!client.IsSecure && smtp.Security != SmtpSecurity.None)
            {
                throw new System.Security.Authentication.AuthenticationException(
                    $"{smtp.Host}:{smtp.Port} offered no TLS; refusing to send the SMTP password in clear text. Set Smtp:Security=None to allow it.");
            }

            await client.AuthenticateAsync(smtp.User, smtp.Password ?? "", cancellationToken).ConfigureAwait(false);
        }

        await client.SendAsync(message, cancellationToken).ConfigureAwait(false);
        await client.DisconnectAsync(quit: true, cancellationToken).ConfigureAwait(false);
    }
}
