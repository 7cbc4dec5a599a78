using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Summit.Core.Accounts;
using Summit.Core.Speakers;
using Summit.Web.Hosting;

namespace Summit.Web.Pages;

/// <summary>
/// Where an invitation link lands: it says whose profile it is for and whether it still works; a signed-in visitor
/// accepts it, anyone else is asked to sign in or create an account first and come back.
/// </summary>
[EnableRateLimiting(SummitWebServices.FormsRateLimit)]
public sealed class SpeakerInvitationModel(SpeakerInvitations invitations, UserManager<SummitUser> users, SignInManager<SummitUser> signIn, IStringLocalizer<SharedResource> L) : PageModel
{
    public InvitationView Invitation { get; private set; } = null!;

    public string Token { get; private set; } = "";

    public async Task OnGetAsync(string token, CancellationToken cancellationToken)
    {
        Token = token;
        Invitation = await invitations.ViewAsync(token, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken cancellationToken)
    {
        Token = token;
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var refusal = await invitations.AcceptAsync(token, user, cancellationToken);
        if (refusal is not null)
        {
            Invitation = await invitations.ViewAsync(token, cancellationToken);
            ModelState.AddModelError(string.Empty, L[refusal.Message]);
            return Page();
        }

        // The new Speaker role goes into the cookie now rather than at the next security-stamp check.
        await signIn.RefreshSignInAsync(user);
        return RedirectToPage("/My/SpeakerProfile", new { welcome = true });
    }
}
