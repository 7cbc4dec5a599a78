using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Summit.Jobs.Mail;

namespace Summit.Jobs;

/// <summary>Every recurring job, with its fixed id, in one place. Registering twice (web and worker) is harmless.</summary>
public static class RecurringJobs
{
    public static void Register(IServiceProvider services)
    {
        var manager = services.GetRequiredService<IRecurringJobManager>();
        manager.AddOrUpdate<RequeueUnsentMailJob>(
            RequeueUnsentMailJob.RecurringJobId,
            JobQueues.Mail,
            job => job.RunAsync(CancellationToken.None),
            "*/5 * * * *");
        manager.AddOrUpdate<RequeueUnsentMailJob>(
            RequeueUnsentMailJob.ResumeJobId,
            JobQueues.Mail,
            job => job.ResumeClaimedAsync(CancellationToken.None),
            "*/15 * * * * *");
        manager.AddOrUpdate<Registrations.SendRemindersJob>(
            Registrations.SendRemindersJob.RecurringJobId,
            JobQueues.Default,
            job => job.RunAsync(CancellationToken.None),
            "7 * * * *");
        manager.AddOrUpdate<Press.PublishArticlesJob>(
            Press.PublishArticlesJob.RecurringJobId,
            JobQueues.Default,
            job => job.RunAsync(CancellationToken.None),
            Cron.Minutely());
        manager.AddOrUpdate<Consequences.DispatchDueConsequencesJob>(
            Consequences.DispatchDueConsequencesJob.RecurringJobId,
            JobQueues.Default,
            job => job.RunAsync(CancellationToken.None),
            "*/15 * * * * *");
        manager.AddOrUpdate<Webhooks.DeliverWebhooksJob>(
            Webhooks.DeliverWebhooksJob.RecurringJobId,
            JobQueues.Webhooks,
            job => job.RunAsync(CancellationToken.None),
            "*/15 * * * * *");
        manager.AddOrUpdate<Audit.PruneAuditTrailJob>(
            Audit.PruneAuditTrailJob.RecurringJobId,
            JobQueues.Default,
            job => job.RunAsync(CancellationToken.None),
            "23 3 * * *");
        manager.AddOrUpdate<Accounts.PruneSessionsJob>(
            Accounts.PruneSessionsJob.RecurringJobId,
            JobQueues.Default,
            job => job.RunAsync(CancellationToken.None),
            "41 * * * *");
        manager.AddOrUpdate<Accounts.PruneRateLimitsJob>(
            Accounts.PruneRateLimitsJob.RecurringJobId,
            JobQueues.Default,
            job => job.RunAsync(CancellationToken.None),
            "*/10 * * * *");
    }
}
