using Microsoft.Extensions.Logging;
using Summit.Core.Limits;

namespace Summit.Jobs.Accounts;

/// <summary>Every ten minutes: deletes the shared rate-limit windows that ended an hour ago. Do not rename: Hangfire stores the name.</summary>
public sealed class PruneRateLimitsJob(SharedRateLimits limits, ILogger<PruneRateLimitsJob> logger)
{
    public const string RecurringJobId = "limits.prune-windows";

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var pruned = await limits.PruneAsync(cancellationToken);
        logger.LogInformation("Pruned {Count} rate-limit windows.", pruned);
        return pruned;
    }
}
