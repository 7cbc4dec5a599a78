using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Summit.Core.Audit;
using Summit.Core.Data;

namespace Summit.Jobs.Audit;

/// <summary>Daily: removes audit entries older than <c>Audit:Retention</c> (two years unless set). Do not rename: Hangfire stores the name.</summary>
public sealed class PruneAuditTrailJob(SummitDbContext db, IOptions<AuditOptions> options, TimeProvider clock, ILogger<PruneAuditTrailJob> logger)
{
    public const string RecurringJobId = "audit.prune";

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var pruned = await AuditRetention.PruneAsync(db, clock.GetUtcNow(), options.Value.Retention, cancellationToken);
        logger.LogInformation("Pruned {Count} audit entries older than {Retention}.", pruned, options.Value.Retention);
        return pruned;
    }
}
