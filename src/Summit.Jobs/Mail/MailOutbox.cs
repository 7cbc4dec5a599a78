using Hangfire;
using Summit.Core.Data;
using Summit.Core.Mail;

namespace Summit.Jobs.Mail;

/// <summary>
/// The one way to send an email: the message is saved as a row first, and the send job, given only
/// that row's id, is enqueued after the save has committed. If the save fails, nothing is sent.
/// </summary>
public sealed class MailOutbox(SummitDbContext db, IBackgroundJobClient jobs, TimeProvider clock)
{
    public async Task<long> QueueAsync(MailDraft draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var mail = new OutgoingMail(draft.Kind, draft.ToAddress, draft.ToName, draft.Culture, draft.Subject, draft.HtmlBody, draft.TextBody, clock.GetUtcNow());
        db.OutgoingMails.Add(mail);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        jobs.Enqueue<SendMailJob>(JobQueues.Mail, job => job.RunAsync(mail.Id, CancellationToken.None));
        return mail.Id;
    }
}
