using Microsoft.Extensions.Options;

namespace Summit.Web.Hosting;

/// <summary>
/// Sends <c>Strict-Transport-Security</c> on every response when the public address is https, however the request
/// reached this process: behind a proxy that terminates TLS and does not say so (no <c>X-Forwarded-Proto</c>), the
/// request here is plain HTTP while the browser's is not, and ASP.NET Core's own HSTS middleware would stay silent.
/// A browser ignores the header over plain HTTP, so sending it there costs nothing. Like that middleware, it is not
/// sent to localhost or an IP literal (a browser test, a health check), which browsers would remember for every port.
/// </summary>
internal sealed class StrictTransportMiddleware(RequestDelegate next, IOptions<WebOptions> options)
{
    public const string Value = "max-age=31536000";

    private readonly bool enabled = options.Value.PublicUrl is { Scheme: "https" };

    public Task InvokeAsync(HttpContext context)
    {
        if (enabled && !Excluded(context.Request.Host.Host))
        {
            context.Response.OnStarting(() =>
            {
                context.Response.Headers.StrictTransportSecurity = Value;
                return Task.CompletedTask;
            });
        }

        return next(context);
    }

    private static bool Excluded(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase) || System.Net.IPAddress.TryParse(host.Trim('[', ']'), out _);
}
