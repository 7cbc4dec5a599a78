using Microsoft.AspNetCore.Http;

namespace Summit.Web.Scheduling;

/// <summary>What a page marked <see cref="PersonalByScriptAttribute"/> may know of the visitor: whether their browser holds a sign-in cookie, nothing more.</summary>
public static class PersonalState
{
    /// <summary>The application cookie's name (Identity's, renamed in SummitWebServices).</summary>
    public const string SignInCookie = ".Summit.Auth";

    /// <summary>The antiforgery cookie's name (renamed in SummitWebServices).</summary>
    public const string AntiforgeryCookie = ".Summit.Antiforgery";

    /// <summary>
    /// Whether the request carries the sign-in cookie, valid or not: the cache runs before authentication, so this
    /// picks the copy (signed-in menu or not). A stale cookie sees the signed-in menu; the pages behind it ask to sign in.
    /// </summary>
    public static bool HasSignInCookie(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        // A cookie too long for one is chunked, and the first chunk keeps the name.
        return request.Cookies.ContainsKey(SignInCookie);
    }

    /// <summary>Whether the page being rendered is one copy for everyone signed in, its personal state added by script.</summary>
    public static bool IsPersonalByScript(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.GetEndpoint()?.Metadata.GetMetadata<PersonalByScriptAttribute>() is not null;
    }

    /// <summary>Whether to show the signed-in menu and forms: from the cookie on a shared page, from the identity elsewhere.</summary>
    public static bool ShowSignedIn(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return IsPersonalByScript(context) ? HasSignInCookie(context.Request) : context.User.Identity?.IsAuthenticated == true;
    }
}
