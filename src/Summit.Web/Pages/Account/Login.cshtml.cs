using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Summit.Core.Accounts;
using Summit.Web.Hosting;

namespace Summit.Web.Pages.Account;

[EnableRateLimiting(SummitWebServices.FormsRateLimit)]
public sealed class LoginModel(SignInManager<SummitUser> signIn, Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> L) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string ReturnUrl { get; private set; } = "/";

    public bool NeedsConfirmation { get; private set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your email address.")]
        [EmailAddress(ErrorMessage = "Enter a valid email address, like name@example.com.")]
        [StringLength(254, ErrorMessage = "Keep this under {1} characters.")]
        [Display(Name = "Email address")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Enter your password.")]
        [StringLength(256, ErrorMessage = "Keep this under {1} characters.")]
        [DataType(DataType.Password)]
        [Display(Name = "Password")]
        public string Password { get; set; } = "";

        [Display(Name = "Keep me signed in on this device")]
        public bool RememberMe { get; set; }
    }

    public void OnGet(string? returnUrl) => ReturnUrl = Local(returnUrl);

    public async Task<IActionResult> OnPostAsync(string? returnUrl)
    {
        ReturnUrl = Local(returnUrl);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        // lockoutOnFailure: true is what makes failures count; Identity's scaffolded page leaves it false.
        var result = await signIn.PasswordSignInAsync(Input.Email.Trim(), Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(ReturnUrl);
        }

        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("LoginWith2fa", new { returnUrl = ReturnUrl, rememberMe = Input.RememberMe });
        }

        // A locked or unconfirmed account answers like a wrong password (SummitSignInManager), except to the holder of
        // the right password: strangers cannot tell which addresses have accounts, or which are locked.
        if (result is RefusedSignIn { PasswordWasRight: true, IsLockedOut: true })
        {
            return RedirectToPage("Lockout");
        }

        if (result is RefusedSignIn { PasswordWasRight: true, IsNotAllowed: true })
        {
            NeedsConfirmation = true;
            ModelState.AddModelError(string.Empty, L["Please confirm your email address first: open the link we sent you."]);
            return Page();
        }

        ModelState.AddModelError(string.Empty, L["The email address or password is not correct."]);
        return Page();
    }

    /// <summary>The options the browser's <c>navigator.credentials.get()</c> takes: any passkey of this site (the person picks one).</summary>
    public async Task<IActionResult> OnPostPasskeyOptionsAsync() =>
        Content(await signIn.MakePasskeyRequestOptionsAsync(null), "application/json");

    /// <summary>Signs in with the passkey the browser used (<c>credential</c>, as JSON); a passkey counts as both factors.</summary>
    public async Task<IActionResult> OnPostPasskeyAsync(string? credential, string? returnUrl)
    {
        ReturnUrl = Local(returnUrl);
        // The password form's fields are not this form's.
        ModelState.Clear();
        if (!string.IsNullOrEmpty(credential))
        {
            HttpContext.Items[DatabaseTicketStore.MethodItem] = SignInMethod.Passkey;
            var result = await signIn.PasskeySignInAsync(credential);
            if (result.Succeeded)
            {
                return LocalRedirect(ReturnUrl);
            }
        }

        ModelState.AddModelError(string.Empty, L["That passkey did not sign you in. Try again, or sign in with your password."]);
        return Page();
    }

    private string Local(string? returnUrl) => Url.IsLocalUrl(returnUrl) ? returnUrl : "/";
}
