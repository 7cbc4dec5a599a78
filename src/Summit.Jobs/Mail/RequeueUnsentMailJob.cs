using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Summit.Core.Data;
using Summit.Core.Mail;

namespace Summit.Jobs.Mail;

/// <summary>
/// A mail row is saved before its send job is enqueued; if the enqueue itself failed (job storage unreachable at that
/// moment), the row would wait forever; so would a row whose worker died mid-attempt. Every five minutes this finds
/// the first kind, every 15 seconds <see cref="ResumeClaimedAsync"/> the second, and each enqueues them again. A row that is in fact queued twice is still sent once: the send job claims the row first.
/// Do not rename: Hangfire stores this type's name with the recurring job.
/// </summary>
public sealed class RequeueUnsentMailJob(SummitDbContext db, IBackgroundJobClient jobs, TimeProvider clock, ILogger<RequeueUnsentMailJob> logger)
{
    public const string RecurringJobId = "mail.requeue-unsent";
    public static readonly TimeSpan Grace = TimeSpan.FromMinutes(5);

    /// <summary>The recurring job that takes over, every 15 seconds, messages whose worker died mid-attempt.</summary>
    public const string ResumeJobId = "mail.resume-claimed";

    /// <summary>
    /// Messages claimed by a worker that stopped renewing its claim (killed, frozen, cut off): sent again by another
    /// worker, with the same Message-ID. Often, since a live attempt renews its claim every few seconds and only a dead
    /// one lets it run out; the rest of the sweep (<see cref="RunAsync"/>) runs every five minutes.
    /// </summary>
    [DisableConcurrentExecution(timeoutInSeconds: 15)]
    [AutomaticRetry(Attempts = 0)]
    public async Task<int> ResumeClaimedAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var ids = await db.OutgoingMails
            .Where(m => m.Status == MailStatus.Sending && m.LeaseUntil < now)
            .OrderBy(m => m.Id)
            .Select(m => m.Id)
            .Take(500)
            .ToListAsync(cancellationToken);
        foreach (var id in ids)
        {
            jobs.Enqueue<SendMailJob>(JobQueues.Mail, job => job.RunAsync(id, CancellationToken.None));
        }

        if (ids.Count > 0)
        {
            logger.LogWarning("Took over {Count} mail(s) whose worker stopped renewing its claim.", ids.Count);
        }

        return ids.Count;
    }

    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var before = now - Grace;
        // A failed attempt waits for Hangfire's retry (minutes to an hour apart); one untouched for longer lost its job.
        var abandoned = now - TimeSpan.FromHours(3);
        // Never attempted (the enqueue was lost), or failed and then left without a retry. Claims of a worker that died
        // mid-attempt are taken over every 15 seconds by ResumeClaimedAsync.
        var ids = await db.OutgoingMails
            .Where(m => (m.Status == MailStatus.Queued && m.Attempts == 0 && m.CreatedAt < before)
                || (m.Status == MailStatus.Queued && m.Attempts > 0 && m.UpdatedAt < abandoned))
            .OrderBy(m => m.Id)
            .Select(m => m.Id)
            .Take(500)
            .ToListAsync(cancellationToken)
            ;
        foreach (var id in ids)
        {
            jobs.Enqueue<SendMailJob>(JobQueues.Mail, job => job.RunAsync(id, CancellationToken.None));
        }

        if (ids.Count > 0)
        {
            logger.LogWarning("Enqueued {Count} mail(s) whose send job had been lost.", ids.Count);
        }

        // A bulk email whose queuing job never ran (job storage down when "Send" was pressed): its rerun is harmless.
        var bulk = await db.BulkMails.Where(b => b.QueuedAt == null && b.CreatedAt < before).OrderBy(b => b.Id).Select(b => b.Id).Take(50).ToListAsync(cancellationToken);
        foreach (var id in bulk)
        {
            jobs.Enqueue<QueueBulkMailJob>(JobQueues.Mail, job => job.RunAsync(id, CancellationToken.None));
        }

        return ids.Count;
    }
}
