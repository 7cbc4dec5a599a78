using System.Globalization;
using Microsoft.Extensions.Options;

namespace Summit.Core.Site;

/// <summary>
/// The one builder of absolute links to Summit's pages, for emails, feeds, calendars and the API, used by web
/// requests and jobs alike. The root is <c>Web:PublicUrl</c>, never the request's Host header (which a client
/// chooses); only Development, where it may be unset, falls back to the address <c>dotnet run</c> serves.
/// </summary>
public sealed class SiteLinks(IOptions<SiteLinks.Settings> settings)
{
    public static readonly Uri DevelopmentDefault = new("http://localhost:5080/");

    /// <summary>Bound to the <c>Web</c> section, which the web process validates (required outside Development).</summary>
    public sealed class Settings
    {
        public Uri? PublicUrl { get; set; }
    }

    public Uri Root
    {
        get
        {
            var root = settings.Value.PublicUrl ?? DevelopmentDefault;
            // Links are relative to the root's path, so a site served under /summit/ keeps it.
            return root.AbsoluteUri.EndsWith('/') ? root : new Uri(root.AbsoluteUri + "/");
        }
    }

    /// <summary>An absolute address for a path on this site (with its query, if any).</summary>
    public Uri Link(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return new Uri(Root, path.TrimStart('/'));
    }

    /// <summary>A registration's own page, opened by its secret key (no account needed).</summary>
    public Uri Registration(string accessKey) => Link($"/registration/{Uri.EscapeDataString(accessKey)}");

    /// <summary>The sessions a registration has seats at.</summary>
    public Uri RegistrationSessions(string accessKey) => Link($"/registration/{Uri.EscapeDataString(accessKey)}/sessions");

    /// <summary>The signed-in person's own registration.</summary>
    public Uri MyRegistration() => Link("/my/registration");

    public Uri ScheduleChangelog(string editionSlug) => Link($"/{Uri.EscapeDataString(editionSlug)}/schedule/changelog");

    public Uri Speaker(string slug) => Link($"/speakers/{Uri.EscapeDataString(slug)}");

    public Uri Session(string editionSlug, int sessionId) => Link(string.Create(CultureInfo.InvariantCulture, $"/{Uri.EscapeDataString(editionSlug)}/sessions/{sessionId}"));

    public Uri SpeakerInvitation(string token) => Link($"/speaker-invitation/{Uri.EscapeDataString(token)}");

    /// <summary>
    /// The path a visitor was on when an account step began (an invitation, say), if it is a path on this site: it
    /// starts with one slash, not two or a backslash (which browsers read as another host), and holds no control
    /// character. Anything else is null, so a link never sends anyone elsewhere.
    /// </summary>
    public static string? ReturnPath(string? path) =>
        path is { Length: > 0 and <= 1000 } && path[0] == '/' && (path.Length == 1 || (path[1] != '/' && path[1] != '\\')) && !path.Any(char.IsControl)
            ? path
            : null;

    /// <summary>The confirmation link, carrying the visitor's <see cref="ReturnPath"/> (if any) on to the sign-in.</summary>
    public Uri ConfirmEmail(string userId, string code, string? returnPath = null) =>
        Link($"/account/confirm-email?userId={Uri.EscapeDataString(userId)}&code={Uri.EscapeDataString(code)}{ReturnQuery(returnPath, '&')}");

    public Uri ResetPassword(string code, string email) => Link($"/account/reset-password?code={Uri.EscapeDataString(code)}&email={Uri.EscapeDataString(email)}");

    public Uri SignIn(string? returnPath = null) => Link($"/account/login{ReturnQuery(returnPath, '?')}");

    private static string ReturnQuery(string? returnPath, char separator) =>
        ReturnPath(returnPath) is { } path && path != "/" ? $"{separator}returnUrl={Uri.EscapeDataString(path)}" : "";

    public Uri SignInWithEmailCode() => Link("/account/login-email-code");
}
