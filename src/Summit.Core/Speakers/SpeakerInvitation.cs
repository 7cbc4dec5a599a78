using System.Security.Cryptography;
using System.Text;

namespace Summit.Core.Speakers;

/// <summary>
/// An emailed, single-use, expiring link that lets a speaker attach an account to their profile. Only a hash of the
/// token is stored, so a copy of the database does not hand out working links.
/// </summary>
public sealed class SpeakerInvitation
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(14);

    private SpeakerInvitation()
    {
    }

    internal SpeakerInvitation(int speakerId, string email, string tokenHash, string invitedBy, DateTimeOffset now)
    {
        SpeakerId = speakerId;
        Email = email;
        TokenHash = tokenHash;
        InvitedBy = invitedBy;
        CreatedAt = now;
        ExpiresAt = now + Lifetime;
    }

    public int Id { get; private set; }

    public int SpeakerId { get; private set; }

    public string Email { get; private set; } = "";

    public string TokenHash { get; private set; } = "";

    public string InvitedBy { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? UsedAt { get; private set; }

    public string? UsedBy { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public bool IsUsable(DateTimeOffset now) => UsedAt is null && RevokedAt is null && now < ExpiresAt;

    internal void Revoke(DateTimeOffset now) => RevokedAt ??= now;

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
