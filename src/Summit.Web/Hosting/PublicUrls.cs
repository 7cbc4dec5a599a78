using Summit.Core.Site;

namespace Summit.Web.Hosting;

public static class PublicUrls
{
    /// <summary>An absolute address on this site, from the one link builder (<see cref="SiteLinks"/>): never from the Host header.</summary>
    public static Uri PublicUri(this HttpContext http, string path)
    {
        ArgumentNullException.ThrowIfNull(http);
        return http.RequestServices.GetRequiredService<SiteLinks>().Link(path);
    }
}
