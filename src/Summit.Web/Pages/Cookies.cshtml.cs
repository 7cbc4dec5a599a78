using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Summit.Web.Pages;

/// <summary>The cookie policy; posting to it dismisses the cookie notice.</summary>
/// <remarks>
/// No antiforgery token: a forged post could only hide a notice, and a token in every anonymous page would make the
/// public pages uncacheable (docs/decisions/0008-output-cache-public-pages.md).
/// </remarks>
[IgnoreAntiforgeryToken]
public sealed class CookiesModel : PageModel
{
    public const string NoticeCookie = ".Summit.CookieNotice";

    public IActionResult OnPost(string? returnUrl)
    {
        Response.Cookies.Append(NoticeCookie, "seen", new CookieOptions
        {
            Expires = DateTimeOffset.UtcNow.AddYears(1),
            HttpOnly = true,
            IsEssential = true,
            SameSite = SameSiteMode.Lax,
            Secure = Request.IsHttps,
        });
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
