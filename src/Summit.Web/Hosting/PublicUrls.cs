using Microsoft.Extensions.Options;

namespace Summit.Web.Hosting;

public static class PublicUrls
{
    /// <summary>An absolute address on this site: from <c>Web:PublicUrl</c> when set (never trust the Host header), else from the request.</summary>
    public static Uri PublicUri(this HttpContext http, string path)
    {
        ArgumentNullException.ThrowIfNull(http);
        var root = http.RequestServices.GetRequiredService<IOptions<WebOptions>>().Value.PublicUrl
            ?? new Uri($"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}/");
        return new Uri(root, path.TrimStart('/'));
    }
}
