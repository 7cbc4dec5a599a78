using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Summit.Web.Pages;

/// <summary>The language switch: remembers the choice in a cookie and goes back to the page it came from.</summary>
/// <remarks>
/// No antiforgery token: a forged post could only change the language, and a token in every anonymous page would make
/// the public pages uncacheable (docs/decisions/0008-output-cache-public-pages.md).
/// </remarks>
[IgnoreAntiforgeryToken]
public sealed class CultureModel : PageModel
{
    public IActionResult OnPost(string? culture, string? returnUrl)
    {
        var chosen = Cultures.Normalize(culture);
        Response.Cookies.Append(
            Cultures.CookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
            new CookieOptions
            {
                Expires = DateTimeOffset.UtcNow.AddYears(1),
                IsEssential = true,
                HttpOnly = true,
                SameSite = SameSiteMode.Lax,
                Secure = Request.IsHttps,
            });
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
