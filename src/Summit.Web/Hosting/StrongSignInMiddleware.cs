using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Summit.Core.Accounts;

namespace Summit.Web.Hosting;

/// <summary>
/// Holds back a person whose role requires a strong sign-in (<c>Accounts:RequireStrongSignInForRoles</c>) while their
/// session signed in with a password alone: their own account pages (to set up two-factor or a passkey, and to sign out)
/// and the public site stay open; everything their role opens (administration, the newsroom, check-in, the jobs
/// dashboard) goes to a page that says why and what to do.
/// </summary>
internal sealed class StrongSignInMiddleware(RequestDelegate next, IOptions<StrongSignInOptions> options)
{
    public const string Path = "/account/strong-sign-in";

    private static readonly string[] Held = ["/admin", "/newsroom", "/checkin"];

    public Task InvokeAsync(HttpContext context)
    {
        var roles = options.Value.RequireStrongSignInForRoles;
        if (roles.Count == 0
            || context.User.Identity?.AuthenticationType != IdentityConstants.ApplicationScheme
            || !Held.Any(prefix => context.Request.Path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase))
            || !StrongSignIn.IsMissing(context.User, roles))
        {
            return next(context);
        }

        context.Response.Redirect(Path + "?returnUrl=" + Uri.EscapeDataString(context.Request.Path + context.Request.QueryString));
        return Task.CompletedTask;
    }
}
