using Microsoft.Extensions.Options;

namespace Summit.Jobs.Mail;

/// <summary>
/// The site's public address for links in emails that jobs write (reminders, digests), read from the same
/// <c>Web:PublicUrl</c> setting as the web nodes; required outside Development there, so a worker gets it too.
/// Without it (the embedded default) links point at the Development address.
/// </summary>
public sealed class SiteAddress(IOptions<SiteAddress.Settings> settings)
{
    public static readonly Uri DevelopmentDefault = new("http://localhost:5080/");

    public sealed class Settings
    {
        public Uri? PublicUrl { get; set; }
    }

    public Uri Link(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var root = settings.Value.PublicUrl ?? DevelopmentDefault;
        // Relative to the root's path, so a site served under /summit/ keeps it.
        var withSlash = root.AbsoluteUri.EndsWith('/') ? root : new Uri(root.AbsoluteUri + "/");
        return new Uri(withSlash, path.TrimStart('/'));
    }
}
