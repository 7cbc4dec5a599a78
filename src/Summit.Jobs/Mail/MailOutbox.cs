using Hangfire;
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
    public async Task<long> QueueAsync(MailDraft draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var mail = new OutgoingMail(draft.Kind, draft.ToAddress, draft.ToName, draft.Culture, draft.Subject, draft.HtmlBody, draft.TextBody, clock.GetUtcNow());
        db.OutgoingMails.Add(mail);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            jobs.Enqueue<SendMailJob>(JobQueues.Mail, job => job.RunAsync(mail.Id, CancellationToken.None));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The row is saved, so the message is not lost: RequeueUnsentMailJob enqueues it within minutes.
            logger.LogError(e, "Could not enqueue mail {MailId}; it will be picked up by {Job}.", mail.Id, RequeueUnsentMailJob.RecurringJobId);
        }

        return mail.Id;
    }
}
