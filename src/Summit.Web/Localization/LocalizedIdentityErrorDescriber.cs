using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Summit.Core.Accounts;

namespace Summit.Web.Localization;

/// <summary>Identity's refusals (password too short, address taken…) in the visitor's language.</summary>
internal sealed class LocalizedIdentityErrorDescriber(IStringLocalizer<SharedResource> L) : SummitIdentityErrors
{
    public override IdentityError PasswordGuessable(PasswordWeakness weakness) => Error("PasswordGuessable", L[PasswordStrength.Reasons.For(weakness)]);

    public override IdentityError PasswordTooLong(int length) => Error("PasswordTooLong", L[PasswordStrength.Reasons.TooLong, length]);

    public override IdentityError DefaultError() => Error(nameof(DefaultError), L["Something went wrong. Please try again."]);

    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), L["An account with the email address {0} already exists.", email]);

    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), L["An account with the email address {0} already exists.", userName]);

    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), L["'{0}' is not a valid email address.", email ?? ""]);

    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), L["'{0}' is not a valid email address.", userName ?? ""]);

    public override IdentityError InvalidToken() => Error(nameof(InvalidToken), L["This link is invalid or has expired. Ask for a new one."]);

    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), L["The current password is not correct."]);

    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), L["Passwords must be at least {0} characters long.", length]);

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Error(nameof(PasswordRequiresUniqueChars), L["Passwords must use at least {0} different characters.", uniqueChars]);

    public override IdentityError RecoveryCodeRedemptionFailed() => Error(nameof(RecoveryCodeRedemptionFailed), L["That recovery code is not valid."]);

    public override IdentityError UserAlreadyInRole(string role) => Error(nameof(UserAlreadyInRole), L["The account already has the role {0}.", role]);

    public override IdentityError UserNotInRole(string role) => Error(nameof(UserNotInRole), L["The account does not have the role {0}.", role]);

    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure), L["Someone else changed this account at the same time. Please try again."]);

    public override IdentityError UserLockoutNotEnabled() => Error(nameof(UserLockoutNotEnabled), L["Lockout is not enabled for this account."]);

    public override IdentityError InvalidRoleName(string? role) => Error(nameof(InvalidRoleName), L["'{0}' is not a valid role.", role ?? ""]);

    public override IdentityError DuplicateRoleName(string role) => Error(nameof(DuplicateRoleName), L["The role {0} already exists.", role]);

    public override IdentityError UserAlreadyHasPassword() => Error(nameof(UserAlreadyHasPassword), L["This account already has a password."]);

    public override IdentityError LoginAlreadyAssociated() => Error(nameof(LoginAlreadyAssociated), L["This sign-in is already linked to another account."]);

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}
