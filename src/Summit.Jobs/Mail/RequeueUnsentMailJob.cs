using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Summit.Core.Data;
using Summit.Core.Mail;

namespace Summit.Jobs.Mail;

/// <summary>
/// A mail row is saved before its send job is enqueued; if the enqueue itself failed (job storage unreachable at that
/// moment), the row would wait forever; so would a row whose worker died mid-attempt. Every few minutes this finds
/// both and enqueues them again. A row that is in fact queued twice is still sent once: the send job claims the row first.
/// Do not rename: Hangfire stores this type's name with the recurring job.
/// </summary>
public sealed class RequeueUnsentMailJob(SummitDbContext db, IBackgroundJobClient jobs, TimeProvider clock, ILogger<RequeueUnsentMailJob> logger)
{
    public const string RecurringJobId = "mail.requeue-unsent";
    public static readonly TimeSpan Grace = TimeSpan.FromMinutes(5);

    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var before = now - Grace;
        // Never attempted (the enqueue was lost), or claimed by a worker that died before recording the outcome: its
        // own rerun found the lease still live and stood down, so nothing else would ever send it.
        var ids = await db.OutgoingMails
            .Where(m => (m.Status == MailStatus.Queued && m.Attempts == 0 && m.CreatedAt < before)
                || (m.Status == MailStatus.Sending && m.LeaseUntil < now))
            .OrderBy(m => m.Id)
            .Select(m => m.Id)
            .Take(500)
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
        foreach (var id in ids)
        {
            jobs.Enqueue<SendMailJob>(JobQueues.Mail, job => job.RunAsync(id, CancellationToken.None));
        }

        if (ids.Count > 0)
        {
            logger.LogWarning("Enqueued {Count} mail(s) whose send job had been lost.", ids.Count);
        }

        return ids.Count;
    }
}
