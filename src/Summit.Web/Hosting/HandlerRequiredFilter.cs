using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Summit.Web.Hosting;

/// <summary>
/// A Razor page whose request matched none of its handlers (a method it does not take, such as a POST to a page that
/// only shows something, or a handler name it does not have) would be rendered without its loader having run, and its
/// view would fail on a model that was never filled in: a 500 for a request that is simply wrong. Such a request is
/// answered 405 with the methods the page takes, or 400 when the method is right but the handler name is not; the
/// status page explains either. Every page takes GET and HEAD; a page without a GET handler is shown as it is.
/// </summary>
internal sealed class HandlerRequiredFilter : IAsyncPageFilter
{
    /// <summary>
    /// The error and status pages are re-executed with the method of the request that failed (a PUT, a TRACE): they
    /// explain it with their GET handler whatever the method was.
    /// </summary>
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var features = context.HttpContext.Features;
        if (context.HandlerMethod is null && (features.Get<IStatusCodeReExecuteFeature>() is not null || features.Get<IExceptionHandlerFeature>() is not null))
        {
            context.HandlerMethod = context.ActionDescriptor.HandlerMethods.FirstOrDefault(h => h.Name is null && HttpMethods.IsGet(h.HttpMethod));
        }

        return Task.CompletedTask;
    }

    public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var method = context.HttpContext.Request.Method;
        var handlers = context.ActionDescriptor.HandlerMethods;
        var safe = HttpMethods.IsGet(method) || HttpMethods.IsHead(method);
        // A page with no GET handler (a form whose page needs no loading) is shown as it is.
        if (context.HandlerMethod is not null || (safe && !handlers.Any(h => HttpMethods.IsGet(h.HttpMethod))))
        {
            return next();
        }

        var allowed = AllowedMethods(handlers.Select(h => h.HttpMethod));
        if (allowed.Contains(method, StringComparer.OrdinalIgnoreCase))
        {
            context.Result = new StatusCodeResult(StatusCodes.Status400BadRequest);
        }
        else
        {
            context.HttpContext.Response.Headers.Allow = string.Join(", ", allowed);
            context.Result = new StatusCodeResult(StatusCodes.Status405MethodNotAllowed);
        }

        return Task.CompletedTask;
    }

    /// <summary>The methods a page takes, in upper case: its handlers' methods, and GET and HEAD, which every page answers.</summary>
    internal static IReadOnlyList<string> AllowedMethods(IEnumerable<string> handlerMethods) =>
        [.. handlerMethods.Select(m => m.ToUpperInvariant()).Append(HttpMethods.Get).Append(HttpMethods.Head).Distinct().OrderBy(m => m, StringComparer.Ordinal)];
}
