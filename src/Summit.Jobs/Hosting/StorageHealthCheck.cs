using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Summit.Core.Data;
using Summit.Core.Files;

namespace Summit.Jobs.Hosting;

/// <summary>
/// The storage folder takes a write (SQLite files, the outbox and temporary files live there whatever the file store)
/// and the file store answers: a full disk or an unreachable bucket makes the node unready, not a source of 500s.
/// </summary>
internal sealed class StorageHealthCheck(IOptions<StorageOptions> storage, IFileStore files) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var probe = Path.Combine(storage.Value.FullPath, $".health-{Environment.ProcessId}.tmp");
        try
        {
            Directory.CreateDirectory(storage.Value.FullPath);
            await File.WriteAllBytesAsync(probe, [1], cancellationToken);
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return HealthCheckResult.Unhealthy($"the storage folder takes no write: {e.Message}");
        }

        try
        {
            await files.CheckAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"the file store does not answer: {e.Message}");
        }
    }
}
