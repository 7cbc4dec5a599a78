using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Summit.Core.Accounts;
using Summit.Core.Data;
using Summit.Core.Editions;
using Summit.Core.Speakers;

namespace Summit.Core.Demo;

/// <summary>Fills an empty database with the demo edition and one confirmed account per role.</summary>
public sealed class DemoSeed(
    SummitDbContext db,
    SpeakerPhotos photos,
    UserManager<SummitUser> users,
    EnsureRoles ensureRoles,
    IOptions<DemoOptions> options,
    TimeProvider clock,
    ILogger<DemoSeed> logger)
{
    /// <summary>Seeds only when there is no edition at all, so a real deployment's data is never touched.</summary>
    public async Task<bool> SeedIfEmptyAsync(CancellationToken cancellationToken = default)
    {
        await ensureRoles.RunAsync().ConfigureAwait(false);
        if (!options.Value.Seed || await db.Editions.AnyAsync(cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        // Accounts first, the edition last: the edition's presence is what marks the demo as done, so a failure
        // part-way leaves an empty database that the next start seeds again.
        var now = clock.GetUtcNow();
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

            var role = await users.AddToRoleAsync(user, account.Role).ConfigureAwait(false);
            if (!role.Succeeded)
            {
                throw new InvalidOperationException($"Demo account {account.Email}: {string.Join("; ", role.Errors.Select(e => e.Description))}");
            }
        }

        // The edition and its speakers in one save: the edition's presence marks the demo as done.
        var edition = Edition.Create(DemoContent.Edition2021, now, isDemo: true);
        db.Editions.Add(edition);
        foreach (var details in DemoSpeakers.InventedSpeakers().Prepend(DemoSpeakers.ZengGang))
        {
            var speaker = Speaker.Create(details, now, isDemo: true);
            speaker.MarkFor(edition);
            db.Speakers.Add(speaker);
        }

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

        // The demo Speaker account looks after one demo profile, so self-service can be tried at once.
        var demoSpeakerAccount = await users.FindByEmailAsync(DemoContent.Accounts.First(a => a.Role == Roles.Speaker).Email).ConfigureAwait(false);
        var linked = await db.Speakers.FirstOrDefaultAsync(s => s.Slug == DemoContent.SelfServiceSpeakerSlug, cancellationToken).ConfigureAwait(false);
        if (demoSpeakerAccount is not null && linked is not null)
        {
            linked.LinkAccount(demoSpeakerAccount.Id);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }

        foreach (var speaker in await db.Speakers.Where(s => s.IsDemo).Select(s => new { s.Id, s.Slug }).ToListAsync(cancellationToken).ConfigureAwait(false))
        {
            await photos.UploadAsync(speaker.Id, DemoAvatars.Draw(speaker.Slug), new PhotoCredit(DemoAvatars.Credit, null, DemoAvatars.Licence), "demo-seed", byOrganizer: true, cancellationToken).ConfigureAwait(false);
        }

        logger.LogWarning(
            "Seeded the demo edition and the demo accounts ({Accounts}), whose password is published in the README. Never set Demo:Seed on a real deployment.",
            string.Join(", ", DemoContent.Accounts.Select(a => a.Email)));
        return true;
    }
}
