using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Summit.Core.Accounts;
using Summit.Jobs.Accounts;
using Summit.Web.Hosting;

namespace Summit.Web.Pages.Account;

/// <summary>
/// The second factor by email, for someone whose authenticator app is not at hand: a one-time code sent to the
/// account's confirmed address, valid for a few minutes (Identity's email token provider).
/// </summary>
[EnableRateLimiting(SummitWebServices.FormsRateLimit)]
public sealed class LoginWithEmailCodeModel(SignInManager<SummitUser> signIn, UserManager<SummitUser> users, AccountMailer mailer, Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> L) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Enter the 6-digit code from the email.")]
    [StringLength(7, MinimumLength = 6, ErrorMessage = "Enter the 6-digit code from the email.")]
    [Display(Name = "Code from the email")]
    public string Code { get; set; } = "";

    [BindProperty]
    public bool RememberMachine { get; set; }

    public string ReturnUrl { get; private set; } = "/";

    public bool RememberMe { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(string? returnUrl, bool rememberMe)
    {
        ReturnUrl = Url.IsLocalUrl(returnUrl) ? returnUrl : "/";
        RememberMe = rememberMe;
        return await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("Login") : Page();
    }

    public async Task<IActionResult> OnPostSendAsync(string? returnUrl, bool rememberMe)
    {
        ReturnUrl = Url.IsLocalUrl(returnUrl) ? returnUrl : "/";
        RememberMe = rememberMe;
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return RedirectToPage("Login");
        }

        if (user.EmailConfirmed && user.Email is not null)
        {
            var code = await users.GenerateTwoFactorTokenAsync(user, TokenOptions.DefaultEmailProvider);
            await mailer.SendTwoFactorCodeAsync(user, code);
        }

        Message = L["If your address is confirmed, a code is on its way to it. It works for a few minutes."];
        return RedirectToPage(new { returnUrl = ReturnUrl, rememberMe = RememberMe });
    }

    public async Task<IActionResult> OnPostAsync(string? returnUrl, bool rememberMe)
    {
        ReturnUrl = Url.IsLocalUrl(returnUrl) ? returnUrl : "/";
        RememberMe = rememberMe;
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
        {
            return RedirectToPage("Login");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var code = Code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        var result = await signIn.TwoFactorSignInAsync(TokenOptions.DefaultEmailProvider, code, rememberMe, RememberMachine);
        if (result.Succeeded)
        {
            return LocalRedirect(ReturnUrl);
        }

        if (result.IsLockedOut)
        {
            return RedirectToPage("Lockout");
        }

        ModelState.AddModelError(nameof(Code), L["That code is not correct or has expired. Ask for a new one."]);
        return Page();
    }
}
