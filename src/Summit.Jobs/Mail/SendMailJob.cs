using Hangfire;
using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using Summit.Core.Data;
using Summit.Core.Mail;

namespace Summit.Jobs.Mail;

/// <summary>
/// Sends one logged email. It takes only the row's id and checks the row first, so a rerun of a job whose
/// message went out does nothing; the Message-ID comes from the row, so a receiving server can tell a
/// retried copy from a new message. Do not rename: Hangfire stores this type's name with queued jobs.
/// </summary>
public sealed class SendMailJob(
    SummitDbContext db,
    IMailTransport transport,
    IOptions<SmtpOptions> smtp,
    TimeProvider clock,
    ILogger<SendMailJob> logger)
{
    /// <summary>Hangfire retries after the first run, so a message gets up to 1 + MaxAttempts runs.</summary>
    public const int MaxAttempts = 8;

    /// <summary>
    /// How long a claim lasts without news from its worker. A live attempt renews it every <see cref="Heartbeat"/>,
    /// so a dead worker's message is taken over within this plus the sweep of <see cref="RequeueUnsentMailJob"/>
    /// (under a minute, docs/performance.md), while a slow SMTP server keeps its sender.
    /// </summary>
    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    /// <summary>How often a live attempt renews its lease.</summary>
    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(10);

    /// <summary>The longest one SMTP attempt may take, renewals included.</summary>
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromMinutes(4);

    /// <summary>Tries at recording an accepted message as sent before giving up (and leaving it to the lease).</summary>
    public const int RecordAttempts = 12;

    /// <summary>The first pause between those tries; it doubles up to 15 s. Tests shorten it.</summary>
    internal static TimeSpan RecordBackoff { get; set; } = TimeSpan.FromMilliseconds(200);

    [AutomaticRetry(Attempts = MaxAttempts, OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    public async Task RunAsync(long mailId, CancellationToken cancellationToken)
    {
        var mail = await db.OutgoingMails.Include(m => m.Attachments).FirstOrDefaultAsync(m => m.Id == mailId, cancellationToken);
        if (mail is null)
        {
            logger.LogWarning("Mail {MailId} no longer exists; nothing to send.", mailId);
            return;
        }

        if (!mail.BeginAttempt(clock.GetUtcNow(), Lease))
        {
            logger.LogInformation("Mail {MailId} is {Status}; not sending it from here.", mailId, mail.Status);
            return;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            logger.LogInformation("Mail {MailId} was claimed by another worker at the same moment.", mailId);
            return;
        }
        // While the message is being handed over the claim is renewed; if it cannot be (the database is unreachable,
        // or another worker took the row over), the attempt stops before the lease ends, so a worker that is merely slow
        // is never taken over while it may still be sending.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(AttemptTimeout);
        var claim = new Claim();
        try
        {
            using var message = Build(mail, smtp.Value);
            await SendRenewingAsync(message, mail, claim, deadline, cancellationToken);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            mail.MarkFailed(claim.Lost ? "The claim on this email could not be renewed; it was not handed over." : "The SMTP server did not answer in time.", willRetry: mail.Attempts <= MaxAttempts, clock.GetUtcNow());
            await db.SaveChangesAsync(CancellationToken.None);
            throw;
        }
        catch (SmtpCommandException e) when ((int)e.StatusCode >= 500)
        {
            // A permanent refusal (no such mailbox, policy): retrying cannot help, so it stops here and shows as failed.
            mail.MarkFailed($"{(int)e.StatusCode} {e.Message}", willRetry: false, clock.GetUtcNow());
            await db.SaveChangesAsync(CancellationToken.None);
            logger.LogWarning(e, "Mail {MailId} refused permanently.", mailId);
            return;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // 4xx answers (mailbox busy, greylisting) and network failures: Hangfire runs the job again with back-off.
            mail.MarkFailed(e.Message, willRetry: mail.Attempts <= MaxAttempts, clock.GetUtcNow());
            await db.SaveChangesAsync(CancellationToken.None);
            throw;
        }

        // Accepted. From here nothing may send it again: recording that is retried here rather than by rerunning the
        // job, and a rerun meanwhile finds the row claimed. Only a worker dying in these milliseconds leaves the row
        // "sending"; after the lease another attempt sends it again with the same Message-ID (decision 0004).
        mail.MarkSent(clock.GetUtcNow());
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await db.SaveChangesAsync(CancellationToken.None);
                return;
            }
            catch (Exception e) when (attempt < RecordAttempts && e is not DbUpdateConcurrencyException)
            {
                // Backing off up to 15 s, about two minutes in all: a database failover is over by then. A failover longer
                // than the lease lets another worker send it again, with the same Message-ID (decision 0004).
                logger.LogWarning(e, "Mail {MailId} was accepted but could not be recorded as sent (attempt {Attempt}); trying again.", mailId, attempt);
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(RecordBackoff.TotalMilliseconds * Math.Pow(2, attempt - 1), 15_000)), CancellationToken.None);
            }
        }
    }

    private sealed class Claim
    {
        public bool Lost { get; set; }
    }

    /// <summary>Hands the message over while renewing the row's lease; the renewals have stopped when this returns.</summary>
    private async Task SendRenewingAsync(MimeMessage message, OutgoingMail mail, Claim claim, CancellationTokenSource deadline, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var renewing = RenewAsync(mail, claim, deadline, stop.Token);
        try
        {
            await transport.SendAsync(message, deadline.Token);
        }
        finally
        {
            await stop.CancelAsync();
            await renewing;
        }
    }

    /// <summary>
    /// Every <see cref="Heartbeat"/>, moves this attempt's lease on (only while the row is still this attempt's). When
    /// that fails until the lease is nearly over, cancels the attempt: another worker may soon take the row.
    /// </summary>
    private async Task RenewAsync(OutgoingMail mail, Claim claim, CancellationTokenSource deadline, CancellationToken stop)
    {
        var id = mail.Id;
        var attempts = mail.Attempts;
        var leaseUntil = mail.LeaseUntil ?? clock.GetUtcNow() + Lease;
        try
        {
            while (true)
            {
                await Task.Delay(Heartbeat, clock, stop);
                var now = clock.GetUtcNow();
                var until = now + Lease;
                int renewed;
                try
                {
                    renewed = await db.OutgoingMails
                        .Where(m => m.Id == id && m.Status == MailStatus.Sending && m.Attempts == attempts)
                        .ExecuteUpdateAsync(s => s.SetProperty(m => m.LeaseUntil, until), stop);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "Could not renew the claim on mail {MailId}.", id);
                    renewed = -1;
                }

                if (renewed == 1)
                {
                    leaseUntil = until;
                }
                else if (renewed == 0 || leaseUntil - clock.GetUtcNow() < Heartbeat + TimeSpan.FromSeconds(5))
                {
                    // The row is no longer this attempt's, or the lease will run out before the next try.
                    claim.Lost = true;
                    await deadline.CancelAsync();
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    internal static MimeMessage Build(OutgoingMail mail, SmtpOptions smtp)
    {
        var message = new MimeMessage
        {
            MessageId = mail.MessageId(smtp.MessageIdDomain),
            Subject = mail.Subject,
            Date = mail.CreatedAt,
        };
        message.From.Add(new MailboxAddress(smtp.FromName, smtp.FromAddress));
        message.To.Add(new MailboxAddress(mail.ToName ?? "", mail.ToAddress));
        message.Headers.Add("X-Summit-Kind", mail.Kind);
        message.Headers.Add(HeaderId.ContentLanguage, mail.Culture);
        var body = new BodyBuilder { HtmlBody = mail.HtmlBody, TextBody = mail.TextBody };
        foreach (var attachment in mail.Attachments)
        {
            body.Attachments.Add(attachment.FileName, attachment.Content, ContentType.Parse(attachment.ContentType));
        }

        message.Body = body.ToMessageBody();
        return message;
    }
}
