using System.Security.Claims;

namespace Summit.Core.Accounts;

/// <summary>The roles whose sessions must have signed in with a second factor or a passkey (setting <c>Accounts:RequireStrongSignInForRoles</c>).</summary>
public sealed class StrongSignInOptions
{
    public const string Section = "Accounts";

    /// <summary>E.g. <c>["Organizer"]</c>; empty (the default) requires it of no one.</summary>
    public IReadOnlyList<string> RequireStrongSignInForRoles { get; set; } = [];
}

/// <summary>Whether a signed-in session meets <see cref="StrongSignInOptions"/>.</summary>
public static class StrongSignIn
{
    /// <summary>True when the person holds a role that requires a strong sign-in and this session signed in with a password alone.</summary>
    public static bool IsMissing(ClaimsPrincipal user, IReadOnlyList<string> roles)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(roles);
        if (user.Identity?.IsAuthenticated != true || !roles.Any(user.IsInRole))
        {
            return false;
        }

        return user.FindFirst(DatabaseTicketStore.MethodClaim)?.Value is not (nameof(SignInMethod.TwoFactor) or nameof(SignInMethod.Passkey));
    }

    /// <summary>
    /// False when a session of a role that requires a strong sign-in signed in with a password alone and the account
    /// already has a second factor or a passkey: such a session (a phished password, say) may not add a passkey or
    /// turn two-factor off, or the requirement would be one step away from anyone with the password.
    /// </summary>
    public static bool MayChangeFactors(ClaimsPrincipal user, IReadOnlyList<string> roles, bool hasStrongFactor) =>
        !(hasStrongFactor && IsMissing(user, roles));

    /// <summary>Whether the account already signs in with a second factor or a passkey.</summary>
    public static async Task<bool> HasStrongFactorAsync(Microsoft.AspNetCore.Identity.UserManager<SummitUser> users, SummitUser user)
    {
        ArgumentNullException.ThrowIfNull(users);
        return await users.GetTwoFactorEnabledAsync(user) || (await users.GetPasskeysAsync(user)).Count > 0;
    }

    public const string ChangeRefused = "Sign in with your second factor or a passkey first: your role needs it before how your account signs in can change.";
}
