using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Summit.Core.Accounts;
using Summit.Core.Data;

namespace Summit.Core.Registrations;

/// <summary>
/// Press accreditation: when a registration in a Press category is confirmed (approved), the account with that
/// address (or linked to the registration) gets the Press role, which the newsroom requires. Run again, it finds the
/// role there. Do not rename: consequences store the name.
/// </summary>
public sealed class GrantPressAccreditation(SummitDbContext db, UserManager<SummitUser> users) : Consequences.IConsequenceHandler<RegistrationChanged>
{
    public async Task HandleAsync(RegistrationChanged change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (change.To != RegistrationStatus.Confirmed)
        {
            return;
        }

        var found = await db.Registrations.AsNoTracking()
            .Where(r => r.Id == change.RegistrationId && db.RegistrationCategories.Any(c => c.Id == r.CategoryId && c.Kind == CategoryKind.Press))
            .Select(r => new { r.UserId, r.Email })
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return;
        }

        var user = (found.UserId is null ? null : await users.FindByIdAsync(found.UserId))
                   ?? await users.FindByEmailAsync(found.Email);
        if (user is not null && user.EmailConfirmed && !await users.IsInRoleAsync(user, Roles.Press))
        {
            await users.AddToRoleAsync(user, Roles.Press);
            // Role changes reach the person's live sessions through the security stamp.
            await users.UpdateSecurityStampAsync(user);
        }
    }
}
