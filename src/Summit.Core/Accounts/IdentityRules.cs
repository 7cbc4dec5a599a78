using Microsoft.AspNetCore.Identity;

namespace Summit.Core.Accounts;

/// <summary>The account rules every process shares: long passwords that are hard to guess rather than composition rules, lockout after five failures.</summary>
public static class IdentityRules
{
    public const int MinimumPasswordLength = 12;
    public const int MaxFailedAccessAttempts = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    public static void Configure(IdentityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        // Length is what makes a password strong; composition rules only make people write them down (NIST SP 800-63B).
        options.Password.RequiredLength = MinimumPasswordLength;
        options.Password.RequireDigit = false;
        options.Password.RequireLowercase = false;
        options.Password.RequireUppercase = false;
        options.Password.RequireNonAlphanumeric = false;
        // Repeats and other guessable shapes are judged by the strength estimator, with a reason (GuessablePasswordValidator).
        options.Password.RequiredUniqueChars = 1;
        options.Lockout.AllowedForNewUsers = true;
        options.Lockout.MaxFailedAccessAttempts = MaxFailedAccessAttempts;
        options.Lockout.DefaultLockoutTimeSpan = LockoutDuration;
        options.User.RequireUniqueEmail = true;
        // The user name is the email address, checked as one; Identity's default character list would refuse
        // valid addresses such as o'brien@example.org or 曾刚@example.cn.
        options.User.AllowedUserNameCharacters = "";
        options.SignIn.RequireConfirmedEmail = true;
        // Identity's schema with passkeys (AspNetUserPasskeys).
        options.Stores.SchemaVersion = IdentitySchemaVersions.Version3;
    }
}
