using Summit.Core.Data;

namespace Summit.Web.Hosting;

/// <summary>
/// While the node is still starting (waiting for the start lock or for migrations), everything but the health
/// endpoints is answered 503 with Retry-After: a request that slipped past the balancer meets no half-made schema.
/// </summary>
internal sealed class StartingMiddleware(RequestDelegate next, StartupGate gate)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (gate.Started.IsCompletedSuccessfully || context.Request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase))
        {
            return next(context);
        }

        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = "5";
        context.Response.Headers.CacheControl = "no-store";
        context.Response.ContentType = "text/plain; charset=utf-8";
        // Before the start there are no pages or localization to use: one line in each of the site's languages.
        return context.Response.WriteAsync("Summit is starting. Please try again in a few seconds.\nSummit 正在启动，请几秒钟后再试。\n");
    }
}
