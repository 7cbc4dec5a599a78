using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Summit.Core.Accounts;
using Summit.Jobs.Accounts;

namespace Summit.Web.Pages.Account;

public sealed class ConfirmEmailModel(UserManager<SummitUser> users) : PageModel
{
    public bool Confirmed { get; private set; }

    /// <summary>The page the visitor began on (an invitation, say), where the sign-in leads.</summary>
    public string? ReturnUrl { get; private set; }

    public async Task OnGetAsync(string? userId, string? code, string? returnUrl)
    {
        ReturnUrl = Summit.Core.Site.SiteLinks.ReturnPath(returnUrl);
        var token = AccountMailer.DecodeCode(code);
        var user = string.IsNullOrEmpty(userId) ? null : await users.FindByIdAsync(userId);
        if (user is null || token is null)
        {
            return;
        }

        Confirmed = user.EmailConfirmed || (await users.ConfirmEmailAsync(user, token)).Succeeded;
    }
}
