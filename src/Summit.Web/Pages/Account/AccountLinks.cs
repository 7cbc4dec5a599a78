using Summit.Core.Site;

namespace Summit.Web.Pages.Account;

/// <summary>
/// Relative links between the account pages that carry the page a visitor came from (an invitation, say) through
/// sign-in, sign-up, confirmation and their "send again" pages, so every step ends back there.
/// </summary>
public static class AccountLinks
{
    public static string SignIn(string? returnPath) => "/account/login" + Query(returnPath);

    public static string Register(string? returnPath) => "/account/register" + Query(returnPath);

    public static string ResendConfirmation(string? returnPath) => "/account/resend-email-confirmation" + Query(returnPath);

    private static string Query(string? returnPath) =>
        SiteLinks.ReturnPath(returnPath) is { } path && path != "/" ? "?returnUrl=" + Uri.EscapeDataString(path) : "";
}
