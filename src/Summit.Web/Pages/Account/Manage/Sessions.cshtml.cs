using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Summit.Core.Accounts;

namespace Summit.Web.Pages.Account.Manage;

/// <summary>The person's signed-in browsers, with "sign out this device" and "sign out everywhere else".</summary>
public sealed class SessionsModel(UserManager<SummitUser> users, SignInManager<SummitUser> signIn, AccountSessions sessions, Microsoft.Extensions.Options.IOptions<SessionLimits> limits) : PageModel
{
    public int SessionIdleDays => limits.Value.SessionIdleDays;

    public int SessionAbsoluteDays => limits.Value.SessionAbsoluteDays;

    public enum Outcome
    {
        None,
        Ended,
        AlreadyEnded,
        OthersEnded,
    }

    public IReadOnlyList<AccountSession> Sessions { get; private set; } = [];

    public string? CurrentId { get; private set; }

    public Outcome Result { get; private set; }

    public int Count { get; private set; }

    public async Task<IActionResult> OnGetAsync(Outcome outcome = Outcome.None, int count = 0)
    {
        if (users.GetUserId(User) is not { } userId)
        {
            return Challenge();
        }

        Result = Enum.IsDefined(outcome) ? outcome : Outcome.None;
        Count = Math.Max(0, count);
        CurrentId = User.FindFirst(DatabaseTicketStore.SessionIdClaim)?.Value;
        Sessions = await sessions.ListAsync(userId, HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnPostEndAsync(string? id)
    {
        if (users.GetUserId(User) is not { } userId)
        {
            return Challenge();
        }

        if (string.IsNullOrEmpty(id))
        {
            return RedirectToPage(new { outcome = Outcome.AlreadyEnded });
        }

        var ended = await sessions.EndAsync(userId, id, HttpContext.RequestAborted);
        if (ended && id == User.FindFirst(DatabaseTicketStore.SessionIdClaim)?.Value)
        {
            // This browser's own session: sign it out here too, so the cookie goes as well as the row.
            await signIn.SignOutAsync();
            return LocalRedirect("/account/login");
        }

        return RedirectToPage(new { outcome = ended ? Outcome.Ended : Outcome.AlreadyEnded });
    }

    public async Task<IActionResult> OnPostEndOthersAsync()
    {
        if (users.GetUserId(User) is not { } userId)
        {
            return Challenge();
        }

        var count = await sessions.EndOthersAsync(userId, User.FindFirst(DatabaseTicketStore.SessionIdClaim)?.Value, HttpContext.RequestAborted);
        return RedirectToPage(new { outcome = Outcome.OthersEnded, count });
    }
}
