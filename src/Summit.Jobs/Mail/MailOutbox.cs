using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Summit.Core.Data;
using Summit.Core.Mail;

namespace Summit.Jobs.Mail;

/// <summary>
/// The one way to send an email: the message is saved as a row first, and the send job, given only
/// that row's id, is enqueued after the save has committed. If the save fails, nothing is sent.
/// </summary>
public sealed class MailOutbox(SummitDbContext db, IBackgroundJobClient jobs, TimeProvider clock, ILogger<MailOutbox> logger)
{
    /// <summary>
    /// Logs the draft and enqueues its send job. A draft about an entity and version already logged for this
    /// recipient and kind is not queued again: the first row's id comes back (the database's unique key decides).
    /// </summary>
    public async Task<long> QueueAsync(MailDraft draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var mail = new OutgoingMail(draft.Kind, draft.ToAddress, draft.ToName, draft.Culture, draft.Subject, draft.HtmlBody, draft.TextBody, clock.GetUtcNow(), draft.Entity, draft.Version);
        if (mail.DedupKey is { } key && await ExistingAsync(key, cancellationToken) is long logged)
        {
            logger.LogInformation("{Kind} about {Entity} ({Version}) was already queued for this recipient as mail {MailId}.", draft.Kind, draft.Entity, draft.Version, logged);
            return logged;
        }

        foreach (var attachment in draft.Attachments)
        {
            mail.Attach(attachment.FileName, attachment.ContentType, attachment.Content);
        }

        db.OutgoingMails.Add(mail);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (mail.DedupKey is not null)
        {
            // Queued by another request or worker at the same instant: theirs stands. Any other failure is not ours to hide.
            Forget(mail);
            if (await ExistingAsync(mail.DedupKey, cancellationToken) is long theirs)
            {
                return theirs;
            }

            throw;
        }

        // The context may be the caller's (a registration's): it should not go on tracking message bodies and files.
        Forget(mail);

        Enqueue(mail.Id);
        return mail.Id;
    }

    /// <summary>Enqueues the send job of a logged row (a resend after fixing a failure, for instance).</summary>
    public void Enqueue(long mailId)
    {
        try
        {
            jobs.Enqueue<SendMailJob>(JobQueues.Mail, job => job.RunAsync(mailId, CancellationToken.None));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The row is saved, so the message is not lost: RequeueUnsentMailJob enqueues it within minutes.
            logger.LogError(e, "Could not enqueue mail {MailId}; it will be picked up by {Job}.", mailId, RequeueUnsentMailJob.RecurringJobId);
        }
    }

    private void Forget(OutgoingMail mail)
    {
        // A copy: detaching an attachment takes it out of the collection being walked.
        foreach (var attached in mail.Attachments.ToList())
        {
            db.Entry(attached).State = EntityState.Detached;
        }

        db.Entry(mail).State = EntityState.Detached;
    }

    /// <summary>
    /// The row already logged under this key. One never attempted gets its send job again: asking twice for the same
    /// email usually means the first asker died between the save and the enqueue (a consequence run again after its
    /// worker was killed), and a second job for a row is harmless, since the send job claims the row first.
    /// </summary>
    private async Task<long?> ExistingAsync(string key, CancellationToken cancellationToken)
    {
        var logged = await db.OutgoingMails.AsNoTracking().Where(m => m.DedupKey == key)
            .Select(m => new { m.Id, m.Status, m.Attempts }).FirstOrDefaultAsync(cancellationToken);
        if (logged is { Status: MailStatus.Queued, Attempts: 0 })
        {
            Enqueue(logged.Id);
        }

        return logged?.Id;
    }
}
