using Microsoft.EntityFrameworkCore;
using Summit.Core.Data;

namespace Summit.Core.Accounts;

/// <summary>A person's signed-in sessions: listed on their sessions page, and ended one at a time, all but the current one, or all (a role removed, a password reset).</summary>
public sealed class AccountSessions(SummitDbContext db, TimeProvider clock, Microsoft.Extensions.Options.IOptions<SessionLimits> options)
{
    /// <summary>The account's sessions still in force, the most recently used first.</summary>
    public async Task<IReadOnlyList<AccountSession>> ListAsync(string userId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var sessions = await db.AccountSessions.AsNoTracking()
            .Where(s => s.UserId == userId && s.ExpiresAt > now && s.LastSeenAt > now - options.Value.Idle)
            .OrderByDescending(s => s.LastSeenAt)
            .ToListAsync(cancellationToken);
        return sessions;
    }

    /// <summary>Ends one of the account's own sessions; false if it was not there (ended already, or someone else's).</summary>
    public async Task<bool> EndAsync(string userId, string sessionId, CancellationToken cancellationToken = default) =>
        await db.AccountSessions.Where(s => s.UserId == userId && s.Id == sessionId).ExecuteDeleteAsync(cancellationToken) > 0;

    /// <summary>Ends every session of the account but <paramref name="keepSessionId"/>; the number ended. Without a session to keep, none (it would end the caller's own).</summary>
    public async Task<int> EndOthersAsync(string userId, string? keepSessionId, CancellationToken cancellationToken = default) =>
        keepSessionId is null ? 0 : await db.AccountSessions.Where(s => s.UserId == userId && s.Id != keepSessionId).ExecuteDeleteAsync(cancellationToken);

    /// <summary>Ends every session of the account: each of its browsers is signed out at its next request.</summary>
    public Task<int> EndAllAsync(string userId, CancellationToken cancellationToken = default) =>
        db.AccountSessions.Where(s => s.UserId == userId).ExecuteDeleteAsync(cancellationToken);

    /// <summary>Deletes the sessions past their idle or absolute limit (each is refused anyway; this keeps the table small); the number deleted.</summary>
    public Task<int> PruneExpiredAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var idleSince = now - options.Value.Idle;
        return db.AccountSessions.Where(s => s.ExpiresAt <= now || s.LastSeenAt <= idleSince).ExecuteDeleteAsync(cancellationToken);
    }
}
