using Microsoft.Extensions.Logging;
using Summit.Core.Accounts;

namespace Summit.Jobs.Accounts;

/// <summary>Hourly: deletes signed-in sessions past their idle or absolute limit. Do not rename: Hangfire stores the name.</summary>
public sealed class PruneSessionsJob(AccountSessions sessions, ILogger<PruneSessionsJob> logger)
{
    public const string RecurringJobId = "accounts.prune-sessions";

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var pruned = await sessions.PruneExpiredAsync(cancellationToken);
        logger.LogInformation("Pruned {Count} expired sessions.", pruned);
        return pruned;
    }
}
