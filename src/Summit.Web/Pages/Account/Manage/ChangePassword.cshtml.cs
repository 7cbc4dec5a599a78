using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Summit.Core.Accounts;

namespace Summit.Web.Pages.Account.Manage;

public sealed class ChangePasswordModel(UserManager<SummitUser> users, SignInManager<SummitUser> signIn, AccountSessions sessions) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public bool Done { get; private set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your current password.")]
        [StringLength(256, ErrorMessage = "Keep this under {1} characters.")]
        [DataType(DataType.Password)]
        [Display(Name = "Current password")]
        public string OldPassword { get; set; } = "";

        [Required(ErrorMessage = "Choose a password.")]
        [MinLength(IdentityRules.MinimumPasswordLength, ErrorMessage = "Passwords must be at least {1} characters long.")]
        [MaxLength(PasswordStrength.MaximumLength, ErrorMessage = "Passwords can be at most {1} characters long.")]
        [DataType(DataType.Password)]
        [Display(Name = "New password")]
        public string NewPassword { get; set; } = "";

        [DataType(DataType.Password)]
        [Compare(nameof(NewPassword), ErrorMessage = "The two passwords do not match.")]
        [Display(Name = "Repeat the password")]
        public string ConfirmPassword { get; set; } = "";
    }

    public void OnGet(bool done = false) => Done = done;

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await users.ChangePasswordAsync(user, Input.OldPassword, Input.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "Input.OldPassword" : "Input.NewPassword", error.Description);
            }

            return Page();
        }

        // Whoever else holds a session on the old password is signed out at once; this browser signs in afresh.
        await sessions.EndOthersAsync(user.Id, User.FindFirst(DatabaseTicketStore.SessionIdClaim)?.Value, HttpContext.RequestAborted);
        await signIn.RefreshSignInAsync(user);
        return RedirectToPage(new { done = true });
    }
}
