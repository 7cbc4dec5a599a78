using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Summit.Core.Data;

namespace Summit.Jobs.Hosting;

/// <summary>The storage folder takes a write: a full or read-only disk makes the node unready, not a source of 500s.</summary>
internal sealed class StorageHealthCheck(IOptions<StorageOptions> storage) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var probe = Path.Combine(storage.Value.FullPath, $".health-{Environment.ProcessId}.tmp");
        try
        {
            Directory.CreateDirectory(storage.Value.FullPath);
            await File.WriteAllBytesAsync(probe, [1], cancellationToken);
            File.Delete(probe);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return HealthCheckResult.Unhealthy($"the storage folder takes no write: {e.Message}");
        }
    }
}
