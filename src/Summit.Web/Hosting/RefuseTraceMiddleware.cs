namespace Summit.Web.Hosting;

/// <summary>
/// TRACE (and Microsoft's TRACK) echo a request back, which no browser needs and which only helps an attacker read
/// headers a page cannot. Summit refuses them everywhere, pages, API, feeds and the jobs dashboard alike: 405 with
/// the methods the site does take.
/// </summary>
internal sealed class RefuseTraceMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var method = context.Request.Method;
        if (HttpMethods.IsTrace(method) || string.Equals(method, "TRACK", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            context.Response.Headers.Allow = "GET, HEAD, POST";
            return Task.CompletedTask;
        }

        return next(context);
    }
}
