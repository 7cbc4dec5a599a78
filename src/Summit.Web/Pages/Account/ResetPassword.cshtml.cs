using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Summit.Core.Accounts;
using Summit.Jobs.Accounts;
using Summit.Web.Hosting;

namespace Summit.Web.Pages.Account;

[EnableRateLimiting(SummitWebServices.FormsRateLimit)]
public sealed class ResetPasswordModel(UserManager<SummitUser> users, Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> L, AccountSessions sessions) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public bool Done { get; private set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your email address.")]
        [EmailAddress(ErrorMessage = "Enter a valid email address, like name@example.com.")]
        [StringLength(254, ErrorMessage = "Keep this under {1} characters.")]
        [Display(Name = "Email address")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Choose a password.")]
        [MinLength(IdentityRules.MinimumPasswordLength, ErrorMessage = "Passwords must be at least {1} characters long.")]
        [MaxLength(PasswordStrength.MaximumLength, ErrorMessage = "Passwords can be at most {1} characters long.")]
        [DataType(DataType.Password)]
        [Display(Name = "New password")]
        public string Password { get; set; } = "";

        [DataType(DataType.Password)]
        [Compare(nameof(Password), ErrorMessage = "The two passwords do not match.")]
        [Display(Name = "Repeat the password")]
        public string ConfirmPassword { get; set; } = "";

        [Required(ErrorMessage = "This link is invalid or has expired. Ask for a new one.")]
        [StringLength(4096, ErrorMessage = "This link is invalid or has expired. Ask for a new one.")]
        public string Code { get; set; } = "";
    }

    public void OnGet(string? code, string? email)
    {
        Input.Code = code ?? "";
        Input.Email = email is { Length: <= 254 } ? email : "";
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var token = AccountMailer.DecodeCode(Input.Code);
        var user = await users.FindByEmailAsync(Input.Email.Trim());
        if (token is null || user is null)
        {
            ModelState.AddModelError(string.Empty, L["This link is invalid or has expired. Ask for a new one."]);
            return Page();
        }

        var result = await users.ResetPasswordAsync(user, token, Input.Password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code.StartsWith("Password", StringComparison.Ordinal) ? "Input.Password" : string.Empty, error.Description);
            }

            return Page();
        }

        // Proving control of the address is enough to lift a lockout.
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        // A reset is what someone does who fears their password is known: every session on the old one ends.
        await sessions.EndAllAsync(user.Id, HttpContext.RequestAborted);
        Done = true;
        return Page();
    }
}
