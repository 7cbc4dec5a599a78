using Hangfire;
using Summit.Core.Consequences;

namespace Summit.Jobs.Consequences;

/// <summary>
/// Carries out committed consequences, one after another, on the queue their handler asked for. Retries are the
/// consequence's own (its row keeps attempts, error and back-off), so Hangfire does not retry this job. Do not
/// rename: Hangfire stores this type's name.
/// </summary>
[AutomaticRetry(Attempts = 0)]
public sealed class RunConsequencesJob(ConsequenceRunner runner)
{
    public async Task RunAsync(long[] ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        foreach (var id in ids)
        {
            await runner.RunAsync(id, cancellationToken);
        }
    }
}
