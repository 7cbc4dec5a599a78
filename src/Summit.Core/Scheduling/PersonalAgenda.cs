using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Summit.Core.Data;

namespace Summit.Core.Scheduling;

/// <summary>Stars and unstars sessions, and issues or revokes the personal calendar feed.</summary>
public sealed class PersonalAgenda(SummitDbContext db, TimeProvider clock, IDataProtectionProvider protection)
{
    public const int MaxStars = 500;

    public static class Reasons
    {
        public const string NotPublished = "This session is not on the published programme.";
        public const string TooMany = "Your agenda holds at most 500 sessions.";
    }

    /// <summary>Stars a session of the published programme; starring twice is harmless.</summary>
    public async Task<Editions.Refusal?> StarAsync(string userId, int sessionId, CancellationToken cancellationToken = default)
    {
        var published = await db.PublishedSessions.AnyAsync(
            p => p.SessionId == sessionId && db.ScheduleVersions.Any(v => v.Id == p.VersionId && db.Editions.Any(e => e.Id == v.EditionId && e.Status != Editions.EditionStatus.Draft)),
            cancellationToken);
        if (!published)
        {
            return new("", Reasons.NotPublished);
        }

        if (await db.AgendaStars.AnyAsync(s => s.UserId == userId && s.SessionId == sessionId, cancellationToken))
        {
            return null;
        }

        if (await db.AgendaStars.CountAsync(s => s.UserId == userId, cancellationToken) >= MaxStars)
        {
            return new("", Reasons.TooMany);
        }

        db.AgendaStars.Add(AgendaStar.Create(userId, sessionId, clock.GetUtcNow()));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A double click raced itself; the unique index kept one star, which is what was asked for.
            db.ChangeTracker.Clear();
            if (!await db.AgendaStars.AnyAsync(s => s.UserId == userId && s.SessionId == sessionId, cancellationToken))
            {
                throw;
            }
        }

        return null;
    }

    public Task UnstarAsync(string userId, int sessionId, CancellationToken cancellationToken = default) =>
        db.AgendaStars.Where(s => s.UserId == userId && s.SessionId == sessionId).ExecuteDeleteAsync(cancellationToken);

    /// <summary>Makes a new secret feed address (the old one stops working) and returns its token, shown once.</summary>
    public async Task<string> NewFeedAsync(string userId, CancellationToken cancellationToken = default)
    {
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var kept = Protector.Protect(token);
        var feed = await db.AgendaFeeds.FirstOrDefaultAsync(f => f.UserId == userId, cancellationToken);
        if (feed is null)
        {
            db.AgendaFeeds.Add(AgendaFeed.Create(userId, AgendaFeed.Hash(token), kept, clock.GetUtcNow()));
        }
        else
        {
            feed.Replace(AgendaFeed.Hash(token), kept, clock.GetUtcNow());
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (feed is null)
        {
            // A double click made the row in between: replace that one instead.
            db.ChangeTracker.Clear();
            var made = await db.AgendaFeeds.FirstAsync(f => f.UserId == userId, cancellationToken);
            made.Replace(AgendaFeed.Hash(token), kept, clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
        }

        return token;
    }

    /// <summary>
    /// The owner's current feed token, to show its address again; null without a feed, for a feed made before tokens
    /// were kept, or when the keys that encrypted it are gone (then a new address is the way).
    /// </summary>
    public async Task<string?> FeedTokenAsync(string userId, CancellationToken cancellationToken = default)
    {
        var kept = await db.AgendaFeeds.Where(f => f.UserId == userId).Select(f => f.ProtectedToken).FirstOrDefaultAsync(cancellationToken);
        if (kept is null)
        {
            return null;
        }

        try
        {
            return Protector.Unprotect(kept);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    private IDataProtector Protector => protection.CreateProtector("Summit.AgendaFeed.Token.v1");

    public Task RevokeFeedAsync(string userId, CancellationToken cancellationToken = default) =>
        db.AgendaFeeds.Where(f => f.UserId == userId).ExecuteDeleteAsync(cancellationToken);

    /// <summary>The account a feed token belongs to, or null for an unknown or revoked one.</summary>
    public async Task<string?> OwnerOfFeedAsync(string token, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 64 || !token.All(Uri.IsHexDigit))
        {
            return null;
        }

        var hash = AgendaFeed.Hash(token.ToLowerInvariant());
        return await db.AgendaFeeds.Where(f => f.TokenHash == hash).Select(f => f.UserId).FirstOrDefaultAsync(cancellationToken);
    }
}
