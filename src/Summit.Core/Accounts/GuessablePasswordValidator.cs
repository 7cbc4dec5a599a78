using Microsoft.AspNetCore.Identity;

namespace Summit.Core.Accounts;

/// <summary>Identity's password check for every way a password is set (registration, reset, change, the organizer command): not guessable, at most 256 characters.</summary>
public sealed class GuessablePasswordValidator(IdentityErrorDescriber describer) : IPasswordValidator<SummitUser>
{
    private readonly SummitIdentityErrors errors = describer as SummitIdentityErrors ?? new SummitIdentityErrors();

    public Task<IdentityResult> ValidateAsync(UserManager<SummitUser> manager, SummitUser user, string? password)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (string.IsNullOrEmpty(password))
        {
            // Identity's own validator reports the length.
            return Task.FromResult(IdentityResult.Success);
        }

        if (password.Length > PasswordStrength.MaximumLength)
        {
            return Task.FromResult(IdentityResult.Failed(errors.PasswordTooLong(PasswordStrength.MaximumLength)));
        }

        // Too short is Identity's message; strength is judged on passwords of an acceptable length.
        if (password.Length < IdentityRules.MinimumPasswordLength)
        {
            return Task.FromResult(IdentityResult.Success);
        }

        return Task.FromResult(PasswordStrength.Weakness(password, [user.DisplayName, user.Email, user.UserName]) is { } weakness
            ? IdentityResult.Failed(errors.PasswordGuessable(weakness))
            : IdentityResult.Success);
    }
}

/// <summary>Identity's refusals with Summit's own; the web's describer puts all of them in the reader's language.</summary>
public class SummitIdentityErrors : IdentityErrorDescriber
{
    public virtual IdentityError PasswordGuessable(PasswordWeakness weakness) =>
        new() { Code = "PasswordGuessable", Description = PasswordStrength.Reasons.For(weakness) };

    public virtual IdentityError PasswordTooLong(int length) =>
        new() { Code = "PasswordTooLong", Description = PasswordStrength.Reasons.TooLong.Replace("{0}", length.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal) };
}
