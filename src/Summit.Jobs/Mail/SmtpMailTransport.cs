using System.Collections.Concurrent;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Summit.Jobs.Mail;

/// <summary>
/// Delivers over SMTP with MailKit, keeping a few authenticated connections open between messages: a burst of mail
/// (registration opening, a digest after a schedule change) pays for the connection, TLS and login once per
/// connection, not once per message. A connection idle for longer than <see cref="SmtpOptions.IdleSeconds"/>, or one
/// that failed, is closed rather than reused. Registered as a singleton: the pool is per process.
/// </summary>
public sealed class SmtpMailTransport(IOptions<SmtpOptions> options, TimeProvider clock) : IMailTransport, IAsyncDisposable
{
    private readonly ConcurrentBag<(SmtpClient Client, DateTimeOffset IdleSince)> idle = [];

    /// <summary>Returns once the server has accepted the message; an exception means it did not.</summary>
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var smtp = options.Value;
        var client = smtp.ReuseConnections ? TakeIdle(smtp) : null;
        client ??= await ConnectAsync(smtp, cancellationToken);
        try
        {
            await client.SendAsync(message, cancellationToken);
        }
        catch
        {
            // A refused message leaves the session usable, but a failed one may not: never hand a doubtful connection on.
            await CloseAsync(client);
            throw;
        }

        if (smtp.ReuseConnections && idle.Count < smtp.MaxIdleConnections)
        {
            idle.Add((client, clock.GetUtcNow()));
        }
        else
        {
            // Accepted already: a failure while saying goodbye must not turn a delivered message into a retried one.
            await CloseAsync(client);
        }
    }

    public async ValueTask DisposeAsync()
    {
        while (idle.TryTake(out var entry))
        {
            await CloseAsync(entry.Client);
        }
    }

    private SmtpClient? TakeIdle(SmtpOptions smtp)
    {
        var now = clock.GetUtcNow();
        while (idle.TryTake(out var entry))
        {
            if (entry.Client.IsConnected && now - entry.IdleSince < TimeSpan.FromSeconds(smtp.IdleSeconds))
            {
                return entry.Client;
            }

            // Servers drop idle sessions (often after 30–60 s); closing ours first avoids a failed send on a dead one.
            _ = CloseAsync(entry.Client);
        }

        return null;
    }

    private static async Task<SmtpClient> ConnectAsync(SmtpOptions smtp, CancellationToken cancellationToken)
    {
        var client = new SmtpClient();
        if (!string.IsNullOrWhiteSpace(smtp.CertificateSha256))
        {
            var pinned = smtp.CertificateSha256.Replace(":", "", StringComparison.Ordinal).Trim();
            client.ServerCertificateValidationCallback = (_, certificate, _, errors) =>
                errors == System.Net.Security.SslPolicyErrors.None
                || (certificate is not null && string.Equals(certificate.GetCertHashString(System.Security.Cryptography.HashAlgorithmName.SHA256), pinned, StringComparison.OrdinalIgnoreCase));
        }

        try
        {
            var security = smtp.Security switch
            {
                SmtpSecurity.None => SecureSocketOptions.None,
                SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
                SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
                _ => SecureSocketOptions.Auto,
            };
            await client.ConnectAsync(smtp.Host!, smtp.Port, security, cancellationToken);
            if (!string.IsNullOrEmpty(smtp.User))
            {
                // With Security=Auto, a server (or an attacker in between) that does not offer STARTTLS would get the
                // password in clear text. Only an explicit Security=None allows that.
                if (!client.IsSecure && smtp.Security != SmtpSecurity.None)
                {
                    throw new System.Security.Authentication.AuthenticationException(
                        $"{smtp.Host}:{smtp.Port} offered no TLS; refusing to send the SMTP password in clear text. Set Smtp:Security=None to allow it.");
                }

                await client.AuthenticateAsync(smtp.User, smtp.Password ?? "", cancellationToken);
            }

            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private static async Task CloseAsync(SmtpClient client)
    {
        try
        {
            if (client.IsConnected)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await client.DisconnectAsync(quit: true, timeout.Token);
            }
        }
#pragma warning disable CA1031 // Closing is best effort: the message was already accepted or already failed.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
        finally
        {
            client.Dispose();
        }
    }
}
