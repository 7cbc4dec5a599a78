using System.ComponentModel.DataAnnotations;
using Hangfire;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Summit.Jobs.Accounts;
using Summit.Web.Hosting;

namespace Summit.Web.Pages.Account;

[EnableRateLimiting(SummitWebServices.FormsRateLimit)]
public sealed class ResendEmailConfirmationModel(IBackgroundJobClient jobs) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Enter your email address.")]
    [EmailAddress(ErrorMessage = "Enter a valid email address, like name@example.com.")]
    [StringLength(254, ErrorMessage = "Keep this under {1} characters.")]
    [Display(Name = "Email address")]
    public string Email { get; set; } = "";

    public bool Sent { get; private set; }

    /// <summary>The page the visitor began on, carried into the new link.</summary>
    public string? ReturnUrl { get; private set; }

    public void OnGet(string? returnUrl) => ReturnUrl = Summit.Core.Site.SiteLinks.ReturnPath(returnUrl);

    public IActionResult OnPost(string? returnUrl)
    {
        ReturnUrl = Summit.Core.Site.SiteLinks.ReturnPath(returnUrl);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        // Only enqueued, whatever the address: the answer, and the time it takes, do not say whether an account uses it.
        SendAccountLinkJob.Enqueue(jobs, AccountLinkRequest.Confirmation, Email, ReturnUrl);
        Sent = true;
        return Page();
    }
}
