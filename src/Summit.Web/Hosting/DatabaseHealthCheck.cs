using Microsoft.Extensions.Diagnostics.HealthChecks;
using Summit.Core.Data;

namespace Summit.Web.Hosting;

internal sealed class DatabaseHealthCheck(SummitDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The database does not answer.");
}
