using Hangfire;
using Summit.Core.Scheduling;

namespace Summit.Jobs.Scheduling;

/// <summary>Queues the programme PDF when a version is published.</summary>
public sealed class QueueProgrammePdf(IBackgroundJobClient jobs) : ISchedulePublishedHandler
{
    public Task HandleAsync(SchedulePublished published, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(published);
        jobs.Enqueue<RenderProgrammePdfJob>(job => job.RunAsync(published.EditionSlug, published.Number, CancellationToken.None));
        return Task.CompletedTask;
    }
}
