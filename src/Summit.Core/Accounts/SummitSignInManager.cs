using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Summit.Core.Accounts;

/// <summary>
/// Identity's sign-in, answering an address without an account, a locked account and an unconfirmed one exactly as a
/// wrong password, in the same time: every password sign-in verifies one password hash (a dummy one when there is
/// no account), and only the right password learns that its account is locked or not yet confirmed
/// (<see cref="RefusedSignIn"/>). Without this, Identity answers an unknown address at once, refuses a locked or
/// unconfirmed account before it hashes anything, and says "locked out" to whoever made the fifth wrong guess.
/// </summary>
public sealed class SummitSignInManager(
    UserManager<SummitUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<SummitUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<SummitUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<SummitUser> confirmation)
    : SignInManager<SummitUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    private static readonly SummitUser Nobody = new() { Id = "nobody", UserName = "nobody", Email = "nobody" };
    private static string? dummyHash;

    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        ArgumentNullException.ThrowIfNull(password);
        var user = await UserManager.FindByNameAsync(userName);
        if (user is null)
        {
            // The work a known address costs, so the time of the answer does not tell which addresses have accounts.
            UserManager.PasswordHasher.VerifyHashedPassword(Nobody, DummyHash(), password);
            return SignInResult.Failed;
        }

        return await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
    }

    public override async Task<SignInResult> CheckPasswordSignInAsync(SummitUser user, string password, bool lockoutOnFailure)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (await PreSignInCheck(user) is { } refused)
        {
            // Locked or not yet confirmed: Identity would answer before hashing. Hash anyway, and tell only the holder
            // of the right password why; failures are not counted while the account is refused.
            return new RefusedSignIn(refused, await UserManager.CheckPasswordAsync(user, password));
        }

        var result = await base.CheckPasswordSignInAsync(user, password, lockoutOnFailure);
        // The wrong guess that locks the account answers like every other wrong guess.
        return result.IsLockedOut ? SignInResult.Failed : result;
    }

    /// <summary>
    /// Every sign-in (password, second factor, recovery or emailed code, passkey, and a refresh after a password change)
    /// ends here: it tells the session store how the person signed in, unless the page already said (a passkey).
    /// </summary>
    public override Task SignInWithClaimsAsync(SummitUser user, AuthenticationProperties? authenticationProperties, IEnumerable<System.Security.Claims.Claim> additionalClaims)
    {
        ArgumentNullException.ThrowIfNull(user);
        var claims = additionalClaims.ToList();
        if (Context.Items[DatabaseTicketStore.MethodItem] is not SignInMethod)
        {
            var current = Context.User;
            Context.Items[DatabaseTicketStore.MethodItem] =
                claims.Any(c => c is { Type: "amr", Value: "mfa" }) ? SignInMethod.TwoFactor
                // A refresh of this person's own session keeps how it signed in.
                : current.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value == user.Id
                    && Enum.TryParse<SignInMethod>(current.FindFirst(DatabaseTicketStore.MethodClaim)?.Value, out var kept) ? kept
                : SignInMethod.Password;
        }

        return base.SignInWithClaimsAsync(user, authenticationProperties, claims);
    }

    /// <summary>A device remembered after a second factor signs in with the password alone, and counts as that second factor.</summary>
    protected override async Task<SignInResult> SignInOrTwoFactorAsync(SummitUser user, bool isPersistent, string? loginProvider = null, bool bypassTwoFactor = false)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!bypassTwoFactor && await UserManager.GetTwoFactorEnabledAsync(user) && await IsTwoFactorClientRememberedAsync(user))
        {
            Context.Items[DatabaseTicketStore.MethodItem] = SignInMethod.TwoFactor;
        }

        return await base.SignInOrTwoFactorAsync(user, isPersistent, loginProvider, bypassTwoFactor);
    }

    private string DummyHash() => dummyHash ??= UserManager.PasswordHasher.HashPassword(Nobody, Guid.NewGuid().ToString());
}

/// <summary>A sign-in refused before its password counted (locked out, or not allowed yet), saying whether the password was right.</summary>
public sealed class RefusedSignIn : SignInResult
{
    public RefusedSignIn(SignInResult refused, bool passwordWasRight)
    {
        ArgumentNullException.ThrowIfNull(refused);
        IsLockedOut = refused.IsLockedOut;
        IsNotAllowed = refused.IsNotAllowed;
        PasswordWasRight = passwordWasRight;
    }

    public bool PasswordWasRight { get; }
}
