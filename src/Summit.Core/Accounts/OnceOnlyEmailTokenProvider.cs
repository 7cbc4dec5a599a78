using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;

namespace Summit.Core.Accounts;

/// <summary>
/// Second-factor codes sent by email: six random digits, valid for <see cref="Lifetime"/> and for one sign-in. Only
/// a hash is kept (<see cref="SignInCodes"/>); a new code replaces the one before. Identity's own email provider
/// derives codes from the security stamp and accepts the same code again for minutes.
/// </summary>
public sealed class OnceOnlyEmailTokenProvider(SignInCodes codes, TimeProvider time) : IUserTwoFactorTokenProvider<SummitUser>
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    public Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<SummitUser> manager, SummitUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return Task.FromResult(user.EmailConfirmed && !string.IsNullOrEmpty(user.Email));
    }

    public async Task<string> GenerateAsync(string purpose, UserManager<SummitUser> manager, SummitUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
        await codes.KeepEmailCodeAsync(user.Id, purpose, Hash(user.Id, purpose, code), time.GetUtcNow() + Lifetime);
        return code;
    }

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<SummitUser> manager, SummitUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (string.IsNullOrEmpty(token) || token.Length != 6 || !token.All(char.IsAsciiDigit))
        {
            return false;
        }

        return await codes.UseEmailCodeAsync(user.Id, purpose, Hash(user.Id, purpose, token), time.GetUtcNow());
    }

    private static string Hash(string userId, string purpose, string code) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{userId}\n{purpose}\n{code}")));
}
