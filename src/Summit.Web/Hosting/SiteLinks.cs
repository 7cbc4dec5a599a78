using Microsoft.Extensions.Options;

namespace Summit.Web.Hosting;

/// <summary>Absolute links for emails: from <c>Web:PublicUrl</c>, never from the request's Host header (Development alone falls back to the request).</summary>
public sealed class SiteLinks(LinkGenerator links, IHttpContextAccessor http, IOptions<WebOptions> web)
{
    public Uri Page(string page, object? values)
    {
        var url = web.Value.PublicUrl is { } root
            ? links.GetUriByPage(page, handler: null, values: values, scheme: root.Scheme, host: HostString.FromUriComponent(root), pathBase: PathString.FromUriComponent(root))
            : links.GetUriByPage(http.HttpContext ?? throw new InvalidOperationException("Links are built while handling a request."), page, handler: null, values: values);
        return new Uri(url ?? throw new InvalidOperationException($"No route to {page}."));
    }
}
