using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Summit.Core.Accounts;

namespace Summit.Web.Pages.Account;

public sealed class LogoutModel(SignInManager<SummitUser> signIn, Summit.Core.Site.CacheEvictions evictions) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        // The person's cached pages (decision 0020) go with the session, on every node.
        if (User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId)
        {
            await evictions.EvictAsync(Summit.Web.Scheduling.PersonalPageCachePolicy.PersonTag(userId), cancellationToken);
        }

        await signIn.SignOutAsync();
        return RedirectToPage();
    }
}
