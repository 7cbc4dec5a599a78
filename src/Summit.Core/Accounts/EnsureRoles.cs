using Microsoft.AspNetCore.Identity;

namespace Summit.Core.Accounts;

/// <summary>The four roles exist in every database; creating them twice is harmless.</summary>
public sealed class EnsureRoles(RoleManager<IdentityRole> roles)
{
    public async Task RunAsync()
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                var result = await roles.CreateAsync(new IdentityRole(role));
                // A second node may have created it a moment ago; anything else is a real failure.
                if (!result.Succeeded && !await roles.RoleExistsAsync(role))
                {
                    throw new InvalidOperationException($"Could not create role {role}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
                }
            }
        }
    }
}
