using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Summit.Web.Hosting;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Summit.Core.Accounts;
using Summit.Core.Data;

namespace Summit.Web.Pages.Admin.Users;

/// <summary>Accounts and their roles. Organizers grant and withdraw roles; nobody can withdraw their own Organizer role.</summary>
public sealed class IndexModel(SummitDbContext db, UserManager<SummitUser> users, AccountSessions sessions, Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> L) : PageModel
{
    public const int PageSize = 100;

    public IReadOnlyList<UserRow> Rows { get; private set; } = [];

    public string? Query { get; private set; }

    public RoleOutcome? Outcome { get; private set; }

    public enum RoleOutcome
    {
        Saved,
        OwnOrganizerRole,
        Failed,
    }

    public sealed record UserRow(string Id, string Email, string DisplayName, bool EmailConfirmed, bool LockedOut, IReadOnlyList<string> Roles);

    public async Task OnGetAsync(string? q, RoleOutcome? outcome, CancellationToken cancellationToken)
    {
        Query = q?.Trim();
        Outcome = outcome;
        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrEmpty(Query))
        {
            var upper = Query.ToUpperInvariant();
            query = query.Where(u => u.NormalizedEmail!.Contains(upper) || u.DisplayName.Contains(Query));
        }

        var now = DateTimeOffset.UtcNow;
        var page = await query.OrderBy(u => u.NormalizedEmail).Take(PageSize)
            .Select(u => new { u.Id, u.Email, u.DisplayName, u.EmailConfirmed, u.LockoutEnd })
            .ToListAsync(cancellationToken);
        var ids = page.Select(u => u.Id).ToList();
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where ids.Contains(ur.UserId)
                           select new { ur.UserId, r.Name }).ToListAsync(cancellationToken);
        Rows = page.Select(u => new UserRow(
                u.Id, u.Email ?? "", u.DisplayName, u.EmailConfirmed, u.LockoutEnd > now,
                roles.Where(r => r.UserId == u.Id).Select(r => r.Name ?? "").Order().ToList()))
            .ToList();
    }

    public async Task<IActionResult> OnPostRoleAsync(string id, string role, bool grant)
    {
        if (!Roles.All.Contains(role))
        {
            return BadRequest();
        }

        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        if (!grant && role == Roles.Organizer && user.Id == users.GetUserId(User))
        {
            return RedirectToPage(new { outcome = RoleOutcome.OwnOrganizerRole });
        }

        var has = await users.IsInRoleAsync(user, role);
        if (has != grant && !this.IsConfirmed())
        {
            var effects = new List<string>
            {
                grant ? L["{0} will be given the role {1}.", user.Email ?? "", L[role]] : L["{0} will lose the role {1}.", user.Email ?? "", L[role]],
                grant ? L["Every signed-in session of this account picks up the change within a minute."] : L["Every signed-in session of this account is signed out at once."],
            };
            return this.Confirm(new ConfirmView(L["Change roles"], effects, L["Yes, change the role"], "/admin/users"));
        }

        if (has != grant)
        {
            var result = grant ? await users.AddToRoleAsync(user, role) : await users.RemoveFromRoleAsync(user, role);
            if (!result.Succeeded)
            {
                return RedirectToPage(new { outcome = RoleOutcome.Failed });
            }

            // A new stamp makes every session of that person pick up the change at its next validation (within a minute);
            // a role taken away must not stay usable for that minute, so those sessions end now.
            await users.UpdateSecurityStampAsync(user);
            if (!grant)
            {
                await sessions.EndAllAsync(user.Id, HttpContext.RequestAborted);
            }
        }

        return RedirectToPage(new { outcome = RoleOutcome.Saved });
    }
}
