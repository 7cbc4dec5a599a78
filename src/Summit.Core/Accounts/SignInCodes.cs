using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Summit.Core.Data;

namespace Summit.Core.Accounts;

/// <summary>
/// What Summit remembers of the second-factor codes an account has used, in Identity's own token table
/// (<c>AspNetUserTokens</c>, under the login provider <see cref="Provider"/>), so that no code signs in twice: the
/// last authenticator time step accepted, and the one emailed code waiting to be used. Each is taken by a single
/// conditional statement, so two requests with the same code at the same moment cannot both succeed.
/// </summary>
public sealed class SignInCodes(SummitDbContext db)
{
    public const string Provider = "[Summit]";

    internal const string AuthenticatorStep = "LastAuthenticatorStep";

    /// <summary>
    /// Takes an authenticator time step for an account: true if it is later than every step accepted before (and is
    /// now the last one), false if that step or a later one was already used. Steps are stored zero-padded, so the
    /// database compares them as text on every engine.
    /// </summary>
    public async Task<bool> TakeAuthenticatorStepAsync(string userId, long step, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(step);
        var value = step.ToString("D20", CultureInfo.InvariantCulture);
        // Translated to SQL (the database compares the zero-padded digits), so no culture is involved.
        var advanced = await db.UserTokens
            .Where(t => t.UserId == userId && t.LoginProvider == Provider && t.Name == AuthenticatorStep && t.Value!.CompareTo(value) < 0)
            .ExecuteUpdateAsync(u => u.SetProperty(t => t.Value, value), cancellationToken);
        if (advanced == 1)
        {
            return true;
        }

        if (await db.UserTokens.AnyAsync(t => t.UserId == userId && t.LoginProvider == Provider && t.Name == AuthenticatorStep, cancellationToken))
        {
            return false;
        }

        // The account's first code: the primary key makes a second request that gets here at the same time fail.
        db.UserTokens.Add(new IdentityUserToken<string> { UserId = userId, LoginProvider = Provider, Name = AuthenticatorStep, Value = value });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    /// <summary>Keeps an emailed code (as a hash, with when it stops working) for an account and purpose, replacing any earlier one.</summary>
    public async Task KeepEmailCodeAsync(string userId, string purpose, string hash, DateTimeOffset expiresAt, CancellationToken cancellationToken = default)
    {
        var name = EmailCodeName(purpose);
        var value = expiresAt.UtcTicks.ToString("D20", CultureInfo.InvariantCulture) + ":" + hash;
        var replaced = await db.UserTokens
            .Where(t => t.UserId == userId && t.LoginProvider == Provider && t.Name == name)
            .ExecuteUpdateAsync(u => u.SetProperty(t => t.Value, value), cancellationToken);
        // Two "send me a code" at once: the one whose insert loses writes its code over the other's, so the code in
        // the last email sent is the one that works.
        if (replaced == 0 && !await TryInsertAsync(new IdentityUserToken<string> { UserId = userId, LoginProvider = Provider, Name = name, Value = value }, cancellationToken))
        {
            await db.UserTokens
                .Where(t => t.UserId == userId && t.LoginProvider == Provider && t.Name == name)
                .ExecuteUpdateAsync(u => u.SetProperty(t => t.Value, value), cancellationToken);
        }
    }

    /// <summary>Inserts a row, false if its key is already there (another request inserted it first). Identity's own tracked entities, in the same context, stay as they are.</summary>
    private async Task<bool> TryInsertAsync(IdentityUserToken<string> token, CancellationToken cancellationToken)
    {
        var entry = db.UserTokens.Add(token);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            return false;
        }
        finally
        {
            // Not left tracked: a later save in this request must not try to insert it again.
            entry.State = EntityState.Detached;
        }
    }

    /// <summary>
    /// Uses the emailed code with this hash: true once, if it is the account's waiting code for the purpose and has
    /// not expired; the code is gone afterwards whatever the answer was for an expired one.
    /// </summary>
    public async Task<bool> UseEmailCodeAsync(string userId, string purpose, string hash, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var name = EmailCodeName(purpose);
        var stored = await db.UserTokens.AsNoTracking()
            .Where(t => t.UserId == userId && t.LoginProvider == Provider && t.Name == name)
            .Select(t => t.Value)
            .SingleOrDefaultAsync(cancellationToken);
        if (stored is null || stored.Split(':') is not [var ticks, var storedHash]
            || !long.TryParse(ticks, NumberStyles.None, CultureInfo.InvariantCulture, out var expiry))
        {
            return false;
        }

        if (now.UtcTicks >= expiry)
        {
            await db.UserTokens.Where(t => t.UserId == userId && t.LoginProvider == Provider && t.Name == name && t.Value == stored).ExecuteDeleteAsync(cancellationToken);
            return false;
        }

        if (!System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(storedHash), System.Text.Encoding.ASCII.GetBytes(hash)))
        {
            return false;
        }

        // Only the request that deletes the row has used the code.
        return await db.UserTokens.Where(t => t.UserId == userId && t.LoginProvider == Provider && t.Name == name && t.Value == stored).ExecuteDeleteAsync(cancellationToken) == 1;
    }

    private static string EmailCodeName(string purpose) => "EmailCode:" + purpose;
}
