using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;
using Summit.Core.Scheduling;

namespace Summit.Web.Scheduling;

/// <summary>
/// Output caching for the public programme: the schedule pages and every export. A cached copy is keyed on the
/// edition's latest published version number (one small query), so publishing v3 makes every node serve v3 at once
/// without any cross-node signal; the tag eviction on publish only frees the old copies early. Signed-in visitors
/// (stars, personal links) and responses that set cookies are never cached.
/// </summary>
internal sealed class ProgrammeCachePolicy : IOutputCachePolicy
{
    public const string Name = "programme";

    public static string Tag(string editionSlug) => "programme:" + editionSlug.ToLowerInvariant();

    public async ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var anonymous = http.User.Identity?.IsAuthenticated != true && !http.Request.Headers.ContainsKey("Authorization");
        var cacheable = anonymous && (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method));
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
        var version = await http.RequestServices.GetRequiredService<ProgrammeReader>().LatestNumberAsync(slug, cancellation).ConfigureAwait(false);
        context.Tags.Add(Tag(slug));
        context.CacheVaryByRules.QueryKeys = "*";
        context.CacheVaryByRules.VaryByValues["version"] = version.ToString(CultureInfo.InvariantCulture);
        context.CacheVaryByRules.VaryByValues["culture"] = CultureInfo.CurrentUICulture.Name;
        context.CacheVaryByRules.VaryByValues["notice"] = http.Request.Cookies.ContainsKey(".Summit.CookieNotice") ? "seen" : "new";
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

/// <summary>Drops the cached copies of an edition's programme once a new version is committed.</summary>
internal sealed class EvictProgrammeCache(IOutputCacheStore store) : ISchedulePublishedHandler
{
    public async Task HandleAsync(SchedulePublished published, CancellationToken cancellationToken) =>
        await store.EvictByTagAsync(ProgrammeCachePolicy.Tag(published.EditionSlug), cancellationToken).ConfigureAwait(false);
}
