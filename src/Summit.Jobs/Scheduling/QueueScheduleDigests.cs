using Hangfire;
using Summit.Core.Scheduling;

namespace Summit.Jobs.Scheduling;

/// <summary>
/// Queues the change digests of a published version (a consequence, decision 0014; a job of its own, since a big
/// audience outlasts a consequence's lease). Queued twice, the digests' mail keys send each person one.
/// Do not rename: consequences store the name.
/// </summary>
public sealed class QueueScheduleDigests(IBackgroundJobClient jobs) : Core.Consequences.IConsequenceHandler<ScheduleVersionPublished>
{
    public Task HandleAsync(ScheduleVersionPublished published, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(published);
        if (published.Number > 1 && published.ChangeCount > 0)
        {
            jobs.Enqueue<SendScheduleDigestsJob>(job => job.RunAsync(published.VersionId, CancellationToken.None));
        }

        return Task.CompletedTask;
    }
}
