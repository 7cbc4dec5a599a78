using Hangfire;
using Summit.Core.Consequences;
using Summit.Core.Data;

namespace Summit.Jobs.Consequences;

/// <summary>
/// Every 15 seconds: the consequences whose job never started (the nudge after the commit failed, or the process
/// died between commit and nudge), those due again after a failure, and those whose runner died (lease run out) get
/// a job again. Do not rename: Hangfire stores this type's name with the recurring job.
/// </summary>
public sealed class DispatchDueConsequencesJob(SummitDbContext db, IConsequenceNudge nudge, TimeProvider clock)
{
    public const string RecurringJobId = "consequences.dispatch-due";

    /// <summary>A consequence younger than this has its own job on the way.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(10);

    [DisableConcurrentExecution(timeoutInSeconds: 30)]
    [AutomaticRetry(Attempts = 0)]
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var due = await ConsequenceRunner.DueAsync(db, clock.GetUtcNow(), Grace, 1000, cancellationToken);
        nudge.Nudge(due);
        return due.Count;
    }
}
