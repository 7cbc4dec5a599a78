using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Summit.Web.Pages.Account;

public sealed class RegisterConfirmationModel : PageModel
{
    public string? Email { get; private set; }

    public string? ReturnUrl { get; private set; }

    public void OnGet(string? email, string? returnUrl)
    {
        Email = email is { Length: <= 254 } ? email : null;
        ReturnUrl = Summit.Core.Site.SiteLinks.ReturnPath(returnUrl);
    }
}
