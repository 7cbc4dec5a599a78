using Microsoft.EntityFrameworkCore;
using Summit.Core;
using Summit.Core.Data;

namespace Summit.Web.Hosting;

/// <summary>
/// On PostgreSQL a request that may write (anything but GET, HEAD and OPTIONS) takes its database connection before
/// it does anything and keeps it to the end. When every connection is busy the request waits its pool timeout and is
/// answered 503 with Retry-After before it changed anything; once it has the connection, nothing after its commit waits
/// for the pool again, so a committed change is never answered as a failure.
/// </summary>
internal sealed class ConnectionFirstMiddleware(RequestDelegate next, SummitConnection connection)
{
    public async Task InvokeAsync(HttpContext context)
    {
        // Not again for the error page that explains a failure (it re-runs the pipeline with the same method).
        var reExecuted = context.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>() is not null
            || context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null;
        if (!reExecuted && connection.Provider == DatabaseProvider.Postgres && !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method) && !HttpMethods.IsOptions(context.Request.Method))
        {
            // The request's own context: Identity, the ticket store and the pages share it, so they share this connection.
            await context.RequestServices.GetRequiredService<SummitDbContext>().Database.OpenConnectionAsync(context.RequestAborted);
        }

        await next(context);
    }
}
