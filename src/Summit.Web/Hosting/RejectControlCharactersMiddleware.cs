using Microsoft.AspNetCore.Diagnostics;

namespace Summit.Web.Hosting;

/// <summary>
/// Nobody types a NUL or other C0 control character (other than tab and line breaks) into a form or an address; a
/// request that carries one is malformed. PostgreSQL refuses NUL in text outright, so letting it through would turn
/// a bad request into a 500. Such requests get 400 and the status page, before any page sees them.
/// </summary>
internal sealed class RejectControlCharactersMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        // The error and status pages re-execute the same request; it was checked (or failed) the first time.
        if (context.Features.Get<IExceptionHandlerFeature>() is not null || context.Features.Get<IStatusCodeReExecuteFeature>() is not null)
        {
            await next(context);
            return;
        }

        var request = context.Request;
        var bad = request.Query.Any(q => HasControl(q.Key) || q.Value.Any(HasControl))
            || HasControl(request.Path.Value);
        // Only url-encoded forms are read here. Multipart bodies (uploads) are left to their page, whose request-size
        // limits apply only if nothing reads the body first; their text fields are checked by the rules instead.
        if (!bad && IsUrlEncodedForm(request) && !context.Request.Path.StartsWithSegments("/admin/jobs", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var form = await request.ReadFormAsync(context.RequestAborted);
                bad = form.Any(f => HasControl(f.Key) || f.Value.Any(HasControl));
            }
            catch (InvalidDataException)
            {
                // Over the form limits, or undecodable (the form reader itself refuses %00 in some places).
                bad = true;
            }
            catch (BadHttpRequestException e)
            {
                context.Response.StatusCode = e.StatusCode;
                return;
            }
        }

        if (bad)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        await next(context);
    }

    private static bool IsUrlEncodedForm(HttpRequest request) =>
        request.ContentType is { } type && type.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);

    internal static bool HasControl(string? value) =>
        value is not null && value.Any(c => c < ' ' && c is not '\t' and not '\n' and not '\r');
}
