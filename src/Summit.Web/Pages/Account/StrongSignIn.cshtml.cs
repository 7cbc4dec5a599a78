using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Summit.Core.Accounts;

namespace Summit.Web.Pages.Account;

/// <summary>Why a page of the person's role sent them here (<see cref="Hosting.StrongSignInMiddleware"/>), and what to do.</summary>
public sealed class StrongSignInModel(UserManager<SummitUser> users, IOptions<StrongSignInOptions> options) : PageModel
{
    public IReadOnlyList<string> Roles { get; private set; } = [];

    public bool Missing { get; private set; }

    public bool TwoFactorEnabled { get; private set; }

    public string ReturnUrl { get; private set; } = "/";

    public async Task OnGetAsync(string? returnUrl)
    {
        ReturnUrl = Url.IsLocalUrl(returnUrl) ? returnUrl : "/";
        var required = options.Value.RequireStrongSignInForRoles;
        Roles = required.Where(User.IsInRole).ToList();
        Missing = StrongSignIn.IsMissing(User, required);
        TwoFactorEnabled = await users.GetUserAsync(User) is { } user && await users.GetTwoFactorEnabledAsync(user);
    }
}
