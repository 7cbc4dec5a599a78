using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Summit.Core.Accounts;
using Summit.Web.Hosting;

namespace Summit.Web.Pages.Account;

[EnableRateLimiting(SummitWebServices.FormsRateLimit)]
public sealed class LoginModel(SignInManager<SummitUser> signIn, UserManager<SummitUser> users, Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> L) : PageModel
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

        if (result.IsLockedOut)
        {
            return RedirectToPage("Lockout");
        }

        // Identity refuses an unconfirmed account before it checks the password; saying so to anyone would tell
        // strangers which addresses have accounts, so only the right password earns the hint.
        if (result.IsNotAllowed && await users.FindByEmailAsync(Input.Email.Trim()) is { } unconfirmed
            && await users.CheckPasswordAsync(unconfirmed, Input.Password))
        {
            NeedsConfirmation = true;
            ModelState.AddModelError(string.Empty, L["Please confirm your email address first: open the link we sent you."]);
            return Page();
        }

        ModelState.AddModelError(string.Empty, L["The email address or password is not correct."]);
        return Page();
    }

    private string Local(string? returnUrl) => Url.IsLocalUrl(returnUrl) ? returnUrl : "/";
}
