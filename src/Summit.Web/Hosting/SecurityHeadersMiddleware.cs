namespace Summit.Web.Hosting;

/// <summary>
/// Headers every response carries. Our pages use no inline script or style, so the policy is strict; only the
/// Hangfire dashboard (a third-party UI with inline script) gets 'unsafe-inline', and only on its own path.
/// </summary>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    private const string Strict =
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; font-src 'self'; " +
        "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    /// <summary>The check-in desk may also compile WebAssembly: the QR reader for browsers without BarcodeDetector.</summary>
    private const string Desk =
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self' 'wasm-unsafe-eval'; font-src 'self'; " +
        "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    private const string Dashboard =
        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline'; " +
        "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        var dashboard = context.Request.Path.StartsWithSegments("/admin/jobs", StringComparison.OrdinalIgnoreCase);
        // The check-in desk may use the camera to read badges; no other page may.
        var desk = context.Request.Path.StartsWithSegments("/checkin", StringComparison.OrdinalIgnoreCase);
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            // A handler that serves a document of its own (an email's HTML, sandboxed) sets a stricter policy itself.
            if (string.IsNullOrEmpty(headers.ContentSecurityPolicy))
            {
                headers.ContentSecurityPolicy = dashboard ? Dashboard : desk ? Desk : Strict;
            }

            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = desk ? "camera=(self), microphone=(), geolocation=(), payment=()" : "camera=(), microphone=(), geolocation=(), payment=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            return Task.CompletedTask;
        });
        return next(context);
    }
}
