using Hangfire;
using Summit.Core.Scheduling;

namespace Summit.Jobs.Scheduling;

/// <summary>Queues the change digests when a version is published (in a job: a big audience must not hold up the organizer).</summary>
public sealed class QueueScheduleDigests(IBackgroundJobClient jobs) : ISchedulePublishedHandler
{
    public Task HandleAsync(SchedulePublished published, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(published);
        if (published.Number > 1 && published.Changes.Count > 0)
        {
            jobs.Enqueue<SendScheduleDigestsJob>(job => job.RunAsync(published.VersionId, CancellationToken.None));
        }

        return Task.CompletedTask;
    }
}
