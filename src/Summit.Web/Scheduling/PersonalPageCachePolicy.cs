using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.OutputCaching;

namespace Summit.Web.Scheduling;

/// <summary>
/// Output caching of a page that is one person's own (<c>/my/agenda</c>), decision 0020: one copy per sign-in
/// cookie, looked up before authentication by a hash of the cookie, so only a request that carries that very
/// cookie gets it. A copy is stored only after the request was authenticated, tagged with the person and the editions
/// it shows; the person's own changes (a star, the feed, signing out) evict it on every node, a publish evicts the
/// edition's. Because a session revoked elsewhere is not known here, a copy lives one minute at most: such a cookie
/// can read its own agenda for that minute, and can change nothing. Pages with a one-time message (TempData) are
/// neither looked up nor stored.
/// </summary>
internal sealed class PersonalPageCachePolicy : IOutputCachePolicy
{
    public const string Name = "personal";

    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The cookie ASP.NET Core keeps TempData in (a one-time message or a feed address shown once). A cached page reads
    /// TempData only when the request carries it: reading it at all makes the answer delete the cookie (a Set-Cookie).
    /// </summary>
    public const string TempDataCookie = ".AspNetCore.Mvc.CookieTempDataProvider";

    private const string TagsItem = "summit.cache.tags";

    public static string PersonTag(string userId) => "person:" + userId;

    /// <summary>Tags for the copy of the page being rendered (the editions it shows), added by the page.</summary>
    public static void Tag(HttpContext context, string tag)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Items[TagsItem] is not List<string> tags)
        {
            context.Items[TagsItem] = tags = [];
        }

        tags.Add(tag);
    }

    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var request = context.HttpContext.Request;
        var cookie = request.Cookies[PersonalState.SignInCookie];
        var cacheable = (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && !request.Headers.ContainsKey("Authorization")
            && !request.Cookies.ContainsKey(TempDataCookie)
            && !string.IsNullOrEmpty(cookie);
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = false;
        context.ResponseExpirationTimeSpan = Lifetime;
        if (!cacheable)
        {
            return ValueTask.CompletedTask;
        }

        // The whole cookie (and its chunks) names the copy, with the antiforgery cookie its forms' tokens are bound
        // to (a copy rendered while that cookie was being set is not stored); a hash keeps the secrets out of the key.
        var whole = new StringBuilder(cookie);
        for (var chunk = 1; request.Cookies.TryGetValue(PersonalState.SignInCookie + "C" + chunk.ToString(CultureInfo.InvariantCulture), out var part); chunk++)
        {
            whole.Append(part);
        }

        whole.Append('\n').Append(request.Cookies[PersonalState.AntiforgeryCookie]);

        context.CacheVaryByRules.QueryKeys = Microsoft.Extensions.Primitives.StringValues.Empty;
        context.CacheVaryByRules.VaryByValues["who"] = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(whole.ToString())));
        context.CacheVaryByRules.VaryByValues["culture"] = CultureInfo.CurrentUICulture.Name;
        context.CacheVaryByRules.VaryByValues["notice"] = request.Cookies.ContainsKey(".Summit.CookieNotice") ? "seen" : "new";
        context.Tags.Add(Core.Site.CacheEvictions.AllTag);
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        // Stored only for the person the request was authenticated as, and never a response that changes a cookie.
        if (http.Response.StatusCode != StatusCodes.Status200OK
            || http.Response.Headers.SetCookie.Count > 0
            || http.User.FindFirstValue(ClaimTypes.NameIdentifier) is not { } userId)
        {
            context.AllowCacheStorage = false;
            return ValueTask.CompletedTask;
        }

        context.Tags.Add(PersonTag(userId));
        if (http.Items[TagsItem] is List<string> tags)
        {
            context.Tags.UnionWith(tags);
        }

        return ValueTask.CompletedTask;
    }
}
