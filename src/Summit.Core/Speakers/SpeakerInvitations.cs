using System.Net.Mail;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Summit.Core.Accounts;
using Summit.Core.Data;
using Summit.Core.Editions;

namespace Summit.Core.Speakers;

public sealed record InvitationIssued(string Token, string SpeakerName, string Email, DateTimeOffset ExpiresAt);

public enum InvitationState
{
    Usable,
    Unknown,
    Expired,
    Used,
    Revoked,
}

public sealed record InvitationView(InvitationState State, int SpeakerId, string? SpeakerNameZh, string? SpeakerNameLatin, DateTimeOffset? ExpiresAt);

/// <summary>Invite a speaker to look after their own profile, and accept such an invitation.</summary>
public sealed class SpeakerInvitations(SummitDbContext db, UserManager<SummitUser> users, TimeProvider clock)
{
    public static class Reasons
    {
        public const string BadEmail = "Enter a valid email address, like name@example.com.";
        public const string SpeakerNotFound = "This speaker does not exist (any more).";
        public const string NotUsable = "This invitation cannot be used: it is unknown, expired, already used or withdrawn.";
        public const string SpeakerTaken = "Another account already looks after this profile. Ask the organizers.";
        public const string AccountTaken = "Your account already looks after another speaker's profile. Ask the organizers.";
    }

    /// <summary>Creates an invitation (withdrawing earlier unused ones for the same speaker) and returns the token for the emailed link.</summary>
    public async Task<(InvitationIssued? Issued, Refusal? Refusal)> InviteAsync(int speakerId, string email, string invitedBy, CancellationToken cancellationToken = default)
    {
        email = email?.Trim() ?? "";
        if (email.Length > 254 || !MailAddress.TryCreate(email, out var address) || address.Address != email)
        {
            return (null, new("Email", Reasons.BadEmail));
        }

        var speaker = await db.Speakers.FirstOrDefaultAsync(s => s.Id == speakerId, cancellationToken);
        if (speaker is null)
        {
            return (null, new("", Reasons.SpeakerNotFound));
        }

        var now = clock.GetUtcNow();
        foreach (var earlier in await db.SpeakerInvitations.Where(i => i.SpeakerId == speakerId && i.UsedAt == null && i.RevokedAt == null).ToListAsync(cancellationToken))
        {
            earlier.Revoke(now);
        }

        // Hex, not base64: the token travels in a path segment, and the site lower-cases the URLs it generates.
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var invitation = new SpeakerInvitation(speakerId, email, SpeakerInvitation.Hash(token), invitedBy, now);
        db.SpeakerInvitations.Add(invitation);
        await db.SaveChangesAsync(cancellationToken);
        return (new InvitationIssued(token, speaker.DisplayName(chinese: false), email, invitation.ExpiresAt), null);
    }

    public async Task<InvitationView> ViewAsync(string? token, CancellationToken cancellationToken = default)
    {
        var invitation = await FindAsync(token, cancellationToken);
        if (invitation is null)
        {
            return new(InvitationState.Unknown, 0, null, null, null);
        }

        var speaker = await db.Speakers.AsNoTracking().FirstAsync(s => s.Id == invitation.SpeakerId, cancellationToken);
        var state = invitation.UsedAt is not null ? InvitationState.Used
            : invitation.RevokedAt is not null ? InvitationState.Revoked
            : invitation.IsUsable(clock.GetUtcNow()) ? InvitationState.Usable
            : InvitationState.Expired;
        return new(state, speaker.Id, speaker.NameZh, speaker.NameLatin, invitation.ExpiresAt);
    }

    /// <summary>Links the signed-in account to the speaker, gives it the Speaker role, and uses up the invitation.</summary>
    public async Task<Refusal?> AcceptAsync(string? token, SummitUser user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var invitation = await FindAsync(token, cancellationToken);
        var now = clock.GetUtcNow();
        if (invitation is null || !invitation.IsUsable(now))
        {
            return new("", Reasons.NotUsable);
        }

        var speaker = await db.Speakers.FirstAsync(s => s.Id == invitation.SpeakerId, cancellationToken);
        if (speaker.UserId is not null && speaker.UserId != user.Id)
        {
            return new("", Reasons.SpeakerTaken);
        }

        if (await db.Speakers.AnyAsync(s => s.UserId == user.Id && s.Id != speaker.Id, cancellationToken))
        {
            return new("", Reasons.AccountTaken);
        }

        // Used up with a conditional update, so two people opening the link at the same moment cannot both succeed.
        var claimed = await db.SpeakerInvitations
            .Where(i => i.Id == invitation.Id && i.UsedAt == null && i.RevokedAt == null && i.ExpiresAt > now)
            .ExecuteUpdateAsync(u => u.SetProperty(i => i.UsedAt, now).SetProperty(i => i.UsedBy, user.Id), cancellationToken)
            ;
        if (claimed == 0)
        {
            return new("", Reasons.NotUsable);
        }

        speaker.LinkAccount(user.Id);
        Audit.AuditLog.Record(db, now, Audit.AuditedTypes.Speaker, speaker.Id, null, "changed", null, Audit.AuditLog.Change("Invitation.UsedAt", null, now), Audit.AuditLog.Change("Invitation.UsedBy", null, user.Email));
        await db.SaveChangesAsync(cancellationToken);
        if (!await users.IsInRoleAsync(user, Roles.Speaker))
        {
            var role = await users.AddToRoleAsync(user, Roles.Speaker);
            if (!role.Succeeded)
            {
                throw new InvalidOperationException($"Could not give {user.Id} the Speaker role: {string.Join("; ", role.Errors.Select(e => e.Code))}");
            }

            await users.UpdateSecurityStampAsync(user);
        }

        return null;
    }

    /// <summary>The most recent invitation for a speaker, for the organizer's page.</summary>
    public Task<SpeakerInvitation?> LatestAsync(int speakerId, CancellationToken cancellationToken = default) =>
        db.SpeakerInvitations.AsNoTracking().Where(i => i.SpeakerId == speakerId).OrderByDescending(i => i.Id).FirstOrDefaultAsync(cancellationToken);

    private async Task<SpeakerInvitation?> FindAsync(string? token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100)
        {
            return null;
        }

        var hash = SpeakerInvitation.Hash(token);
        return await db.SpeakerInvitations.AsNoTracking().FirstOrDefaultAsync(i => i.TokenHash == hash, cancellationToken);
    }
}
