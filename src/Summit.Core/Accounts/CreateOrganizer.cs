using Microsoft.AspNetCore.Identity;

namespace Summit.Core.Accounts;

public enum CreateOrganizerOutcome
{
    Created,
    Promoted,
    AlreadyOrganizer,
    Refused,
}

public sealed record CreateOrganizerResult(CreateOrganizerOutcome Outcome, IReadOnlyList<string> Errors);

/// <summary>
/// Makes the first Organizer of a deployment (the <c>create-organizer</c> command): a new confirmed account,
/// or the Organizer role added to an existing one. Nobody can sign up as an Organizer through the site.
/// </summary>
public sealed class CreateOrganizer(UserManager<SummitUser> users, EnsureRoles ensureRoles, TimeProvider clock)
{
    public async Task<CreateOrganizerResult> RunAsync(string email, string? password, string? displayName)
    {
        ArgumentNullException.ThrowIfNull(email);
        await ensureRoles.RunAsync();
        var existing = await users.FindByEmailAsync(email);
        if (existing is not null)
        {
            // An unconfirmed account may have been registered by anyone, with a password they chose: never promote it.
            if (!existing.EmailConfirmed)
            {
                return new(CreateOrganizerOutcome.Refused, ["That account's email address is not confirmed. Confirm it first (or delete the account), then run this again."]);
            }

            if (await users.IsInRoleAsync(existing, Roles.Organizer))
            {
                return new(CreateOrganizerOutcome.AlreadyOrganizer, []);
            }

            var added = await users.AddToRoleAsync(existing, Roles.Organizer);
            return added.Succeeded
                ? new(CreateOrganizerOutcome.Promoted, [])
                : new(CreateOrganizerOutcome.Refused, added.Errors.Select(e => e.Description).ToList());
        }

        if (string.IsNullOrEmpty(password))
        {
            return new(CreateOrganizerOutcome.Refused, ["A new account needs a password."]);
        }

        var user = new SummitUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = string.IsNullOrWhiteSpace(displayName) ? email : displayName.Trim(),
            CreatedAt = clock.GetUtcNow(),
        };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return new(CreateOrganizerOutcome.Refused, created.Errors.Select(e => e.Description).ToList());
        }

        var role = await users.AddToRoleAsync(user, Roles.Organizer);
        return role.Succeeded
            ? new(CreateOrganizerOutcome.Created, [])
            : new(CreateOrganizerOutcome.Refused, role.Errors.Select(e => e.Description).ToList());
    }
}
