using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Summit.Core.Accounts;
using Summit.Core.Data;
using Summit.Core.Editions;

namespace Summit.Core.Demo;

/// <summary>Fills an empty database with the demo edition and one confirmed account per role.</summary>
public sealed class DemoSeed(SummitDbContext db, UserManager<SummitUser> users, EnsureRoles ensureRoles, IOptions<DemoOptions> options, TimeProvider clock)
{
    /// <summary>Seeds only when there is no edition at all, so a real deployment's data is never touched.</summary>
    public async Task<bool> SeedIfEmptyAsync(CancellationToken cancellationToken = default)
    {
        await ensureRoles.RunAsync().ConfigureAwait(false);
        if (!options.Value.Seed || await db.Editions.AnyAsync(cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        var now = clock.GetUtcNow();
        db.Editions.Add(Edition.Create(DemoContent.Edition2021, now, isDemo: true));
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            // Another node seeded at the same moment; the unique slug made sure only one edition exists.
            db.ChangeTracker.Clear();
            return false;
        }

        foreach (var account in DemoContent.Accounts)
        {
            if (await users.FindByEmailAsync(account.Email).ConfigureAwait(false) is not null)
            {
                continue;
            }

            var user = new SummitUser
            {
                UserName = account.Email,
                Email = account.Email,
                EmailConfirmed = true,
                DisplayName = account.DisplayName,
                CreatedAt = now,
                IsDemo = true,
            };
            var created = await users.CreateAsync(user, options.Value.AccountPassword).ConfigureAwait(false);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException($"Demo account {account.Email}: {string.Join("; ", created.Errors.Select(e => e.Description))}");
            }

            await users.AddToRoleAsync(user, account.Role).ConfigureAwait(false);
        }

        return true;
    }
}
