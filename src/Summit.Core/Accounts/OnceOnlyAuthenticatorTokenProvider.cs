using Microsoft.AspNetCore.Identity;
using OtpNet;

namespace Summit.Core.Accounts;

/// <summary>
/// Identity's authenticator check, accepting each code once: a code is valid for its 30-second step and, as in
/// Identity, up to two steps either side for a clock that drifts; the step it matched must be later than the last
/// one this account used (<see cref="SignInCodes"/>). A code seen over someone's shoulder, or replayed from a
/// captured request, no longer signs in.
/// </summary>
public sealed class OnceOnlyAuthenticatorTokenProvider(SignInCodes codes, TimeProvider time) : AuthenticatorTokenProvider<SummitUser>
{
    private static readonly VerificationWindow Drift = new(previous: 2, future: 2);

    public override async Task<bool> ValidateAsync(string purpose, string token, UserManager<SummitUser> manager, SummitUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        ArgumentNullException.ThrowIfNull(user);
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key) || string.IsNullOrEmpty(token) || token.Length != 6 || !token.All(char.IsAsciiDigit))
        {
            return false;
        }

        var totp = new Totp(Base32Encoding.ToBytes(key));
        return totp.VerifyTotp(time.GetUtcNow().UtcDateTime, token, out var step, Drift)
            && await codes.TakeAuthenticatorStepAsync(user.Id, step);
    }
}
