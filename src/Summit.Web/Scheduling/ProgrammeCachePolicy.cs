using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Primitives;
using Summit.Core.Scheduling;

namespace Summit.Web.Scheduling;

/// <summary>
/// Output caching for the public programme: the schedule pages and every export. A cached copy is keyed on the
/// edition's latest published version number, so a new version is a new key: the node that publishes serves it at
/// once, and every other node within <see cref="ProgrammeVersions.Freshness"/> (it re-reads the number that often).
/// Other changes shown on these pages (speakers, coverage) evict them on every node (<see cref="Core.Site.CacheEvictions"/>).
/// <para>
/// The cache runs before authentication (decision 0020): a hit costs no cookie decryption and no session lookup.
/// Pages marked <see cref="PersonalByScriptAttribute"/> are the same for everyone who is signed in, so they are cached
/// for signed-in visitors too, as a second copy beside the anonymous one (the menu differs); the person's own state
/// comes from <c>/my/state.json</c>. Any other programme endpoint is cached for anonymous visitors only, and a request
/// with an API token never. The key varies by the query parameters the endpoint reads (<see cref="CachedQueryAttribute"/>),
/// the culture, the version and the cookie notice; nothing else a visitor sends.
/// </para>
/// </summary>
internal sealed class ProgrammeCachePolicy : IOutputCachePolicy
{
    public const string Name = "programme";

    /// <summary>The most the output cache holds, all entries together (every programme page of a 600-session edition, both languages, is about 10 MB).</summary>
    public const long SizeLimit = 32 * 1024 * 1024;

    public static string Tag(string editionSlug) => Core.Site.EvictContentCache.EditionTag(editionSlug);

    public async ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var endpoint = http.GetEndpoint();
        var signedIn = PersonalState.HasSignInCookie(http.Request);
        var personal = endpoint?.Metadata.GetMetadata<PersonalByScriptAttribute>() is not null;
        var cacheable = (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
            && !http.Request.Headers.ContainsKey("Authorization")
            && (!signedIn || personal);
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = TimeSpan.FromMinutes(10);
        if (!cacheable)
        {
            return;
        }

        var slug = (http.GetRouteValue("edition") as string ?? "").ToLowerInvariant();
        var version = await http.RequestServices.GetRequiredService<ProgrammeVersions>()
            .LatestAsync(slug, http.RequestServices.GetRequiredService<ProgrammeReader>(), cancellation);
        context.Tags.Add(Tag(slug));
        context.Tags.Add(Core.Site.CacheEvictions.AllTag);
        var keys = endpoint?.Metadata.GetMetadata<CachedQueryAttribute>()?.Keys ?? [];
        // No keys: the query string is not part of the key at all ("*" would be all of it).
        context.CacheVaryByRules.QueryKeys = new StringValues([.. keys]);
        context.CacheVaryByRules.VaryByValues["version"] = version.ToString(CultureInfo.InvariantCulture);
        context.CacheVaryByRules.VaryByValues["culture"] = CultureInfo.CurrentUICulture.Name;
        context.CacheVaryByRules.VaryByValues["notice"] = http.Request.Cookies.ContainsKey(".Summit.CookieNotice") ? "seen" : "new";
        context.CacheVaryByRules.VaryByValues["signed"] = signedIn ? "in" : "out";
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.SetCookie.Count > 0)
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }
}
