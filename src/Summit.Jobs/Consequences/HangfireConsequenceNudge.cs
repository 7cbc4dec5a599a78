using Hangfire;
using Microsoft.Extensions.Logging;
using Summit.Core.Consequences;

namespace Summit.Jobs.Consequences;

/// <summary>One <see cref="RunConsequencesJob"/> per queue for the consequences of a commit, in batches of 100.</summary>
public sealed class HangfireConsequenceNudge(IBackgroundJobClient jobs, ILogger<HangfireConsequenceNudge> logger) : IConsequenceNudge
{
    public void Nudge(IReadOnlyList<(long Id, string Queue)> committed)
    {
        ArgumentNullException.ThrowIfNull(committed);
        foreach (var queue in committed.GroupBy(c => c.Queue))
        {
            foreach (var batch in queue.Select(c => c.Id).Chunk(100))
            {
                try
                {
                    jobs.Enqueue<RunConsequencesJob>(queue.Key, job => job.RunAsync(batch, CancellationToken.None));
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // The change and its consequences are committed: the error is not the request's. The rows stay
                    // pending and DispatchDueConsequencesJob starts them within seconds of the storage coming back.
                    logger.LogError(exception, "Could not start the job of consequences {Ids} on {Queue}; {Job} will.", string.Join(", ", batch), queue.Key, DispatchDueConsequencesJob.RecurringJobId);
                }
            }
        }
    }
}
