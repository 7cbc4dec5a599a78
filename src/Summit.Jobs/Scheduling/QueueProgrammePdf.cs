using Hangfire;
using Summit.Core.Scheduling;

namespace Summit.Jobs.Scheduling;

/// <summary>
/// Queues the programme PDF of a published version (a consequence, decision 0014); the job skips a file that is
/// there. Do not rename: consequences store the name.
/// </summary>
public sealed class QueueProgrammePdf(IBackgroundJobClient jobs) : Core.Consequences.IConsequenceHandler<ScheduleVersionPublished>
{
    public Task HandleAsync(ScheduleVersionPublished published, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(published);
        jobs.Enqueue<RenderProgrammePdfJob>(job => job.RunAsync(published.EditionSlug, published.Number, CancellationToken.None));
        return Task.CompletedTask;
    }
}
