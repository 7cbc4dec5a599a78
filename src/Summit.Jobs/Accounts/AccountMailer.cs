using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Summit.Core.Accounts;
using Summit.Core.Site;
using Summit.Jobs.Mail;

namespace Summit.Jobs.Accounts;

/// <summary>Makes Identity's tokens into links and queues the emails that carry them (through the mail log and the <c>mail</c> queue).</summary>
public sealed class AccountMailer(UserManager<SummitUser> users, MailOutbox outbox, SiteLinks links)
{
    /// <summary>
    /// Queues a confirmation link; a <paramref name="requestId"/> makes a repeated call for the same request queue nothing
    /// more. A <paramref name="returnPath"/> (the invitation being accepted, say) rides along to the sign-in after it.
    /// </summary>
    public async Task SendConfirmationAsync(SummitUser user, string? requestId = null, string? returnPath = null)
    {
        ArgumentNullException.ThrowIfNull(user);
        var code = WebEncoders.Base64UrlEncode(System.Text.Encoding.UTF8.GetBytes(await users.GenerateEmailConfirmationTokenAsync(user)));
        var link = links.ConfirmEmail(user.Id, code, returnPath);
        await outbox.QueueAsync(AccountMails.ConfirmEmail(user.Email!, user.DisplayName, user.PreferredCulture, link).About($"user:{user.Id}", requestId));
    }

    /// <summary>Queues a password-reset link; a <paramref name="requestId"/> makes a repeated call for the same request queue nothing more.</summary>
    public async Task SendPasswordResetAsync(SummitUser user, string? requestId = null)
    {
        ArgumentNullException.ThrowIfNull(user);
        var code = WebEncoders.Base64UrlEncode(System.Text.Encoding.UTF8.GetBytes(await users.GeneratePasswordResetTokenAsync(user)));
        var link = links.ResetPassword(code, user.Email!);
        await outbox.QueueAsync(AccountMails.ResetPassword(user.Email!, user.DisplayName, user.PreferredCulture, link).About($"user:{user.Id}", requestId));
    }

    public Task SendTwoFactorCodeAsync(SummitUser user, string code)
    {
        ArgumentNullException.ThrowIfNull(user);
        return outbox.QueueAsync(AccountMails.TwoFactorCode(user.Email!, user.DisplayName, user.PreferredCulture, code, links.SignInWithEmailCode()).About($"user:{user.Id}", null));
    }

    public Task SendAlreadyRegisteredAsync(SummitUser user, string? returnPath = null)
    {
        ArgumentNullException.ThrowIfNull(user);
        var link = links.SignIn(returnPath);
        return outbox.QueueAsync(AccountMails.AlreadyRegistered(user.Email!, user.DisplayName, user.PreferredCulture, link).About($"user:{user.Id}", null));
    }

    /// <summary>The token from a link, or null when the link was cut or tampered with.</summary>
    public static string? DecodeCode(string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return null;
        }

        try
        {
            return System.Text.Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
