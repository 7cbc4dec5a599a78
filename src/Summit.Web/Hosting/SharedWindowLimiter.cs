using System.Diagnostics;
using System.Threading.RateLimiting;
using Summit.Core.Limits;

namespace Summit.Web.Hosting;

/// <summary>
/// A fixed window counted in the database (<see cref="SharedRateLimits"/>), so the limit holds for the deployment,
/// not per node. The middleware first tries <c>AttemptAcquire</c>, which this limiter never grants, and then awaits
/// <c>AcquireAsync</c>, where the count is taken on the request's own connection (already open for a write, see
/// <see cref="ConnectionFirstMiddleware"/>). Over the limit, the lease says when the window ends (Retry-After).
/// </summary>
internal sealed class SharedWindowLimiter(string partition, int permitLimit, TimeSpan window, IHttpContextAccessor accessor) : RateLimiter
{
    private long lastUsed = Stopwatch.GetTimestamp();

    /// <summary>No state of its own: idle since its last use, so the partitioned limiter drops it after a while.</summary>
    public override TimeSpan? IdleDuration => Stopwatch.GetElapsedTime(Interlocked.Read(ref lastUsed));

    public override RateLimiterStatistics? GetStatistics() => null;

    protected override RateLimitLease AttemptAcquireCore(int permitCount) => Lease.Deferred;

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        Interlocked.Exchange(ref lastUsed, Stopwatch.GetTimestamp());
        if (permitCount == 0 || accessor.HttpContext is not { } http)
        {
            return Lease.Granted;
        }

        var limits = http.RequestServices.GetRequiredService<SharedRateLimits>();
        var (count, ends) = await limits.CountAsync(partition, window, cancellationToken);
        return count <= permitLimit ? Lease.Granted : new Lease(false, ends - DateTimeOffset.UtcNow);
    }

    private sealed class Lease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public static Lease Granted => new(true, null);

        /// <summary>Not decided here: the count is asked for asynchronously.</summary>
        public static Lease Deferred => new(false, null);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            if (retryAfter is { } after && metadataName == MetadataName.RetryAfter.Name)
            {
                metadata = after < TimeSpan.Zero ? TimeSpan.Zero : after;
                return true;
            }

            metadata = null;
            return false;
        }
    }
}
