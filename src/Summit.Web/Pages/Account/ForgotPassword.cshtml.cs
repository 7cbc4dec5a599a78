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
public sealed class ForgotPasswordModel(UserManager<SummitUser> users, AccountMailer mailer) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Enter your email address.")]
    [EmailAddress(ErrorMessage = "Enter a valid email address, like name@example.com.")]
    [StringLength(254, ErrorMessage = "Keep this under {1} characters.")]
    [Display(Name = "Email address")]
    public string Email { get; set; } = "";

    public bool Sent { get; private set; }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await users.FindByEmailAsync(Email.Trim());
        if (user is not null)
        {
            // An unconfirmed address gets the confirmation link instead: the reset proves the same thing.
            if (user.EmailConfirmed)
            {
                await mailer.SendPasswordResetAsync(user);
            }
            else
            {
                await mailer.SendConfirmationAsync(user);
            }
        }

        Sent = true;
        return Page();
    }
}
