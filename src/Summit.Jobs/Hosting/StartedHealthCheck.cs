using Microsoft.Extensions.Diagnostics.HealthChecks;
using Summit.Core.Data;

namespace Summit.Jobs.Hosting;

/// <summary>Ready once the start (schema, roles, demo) is done, and no longer once shutdown has begun.</summary>
internal sealed class StartedHealthCheck(StartupGate gate) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(
            gate.IsDraining ? HealthCheckResult.Unhealthy("shutting down")
            : gate.IsReady ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy(gate.Started.IsFaulted ? "the start failed" : gate.Stage));
}
