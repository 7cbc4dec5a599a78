using System.Security.Cryptography;
using System.Text;

namespace Summit.Core.Scheduling;

/// <summary>
/// The secret address of a visitor's personal calendar feed. It is found by its SHA-256; the token itself is kept
/// encrypted with the Data Protection keys (<see cref="ProtectedToken"/>), so its owner can see the address again and a
/// copy of the database alone does not reveal feeds. Making a new one revokes the old.
/// </summary>
public sealed class AgendaFeed
{
    private AgendaFeed()
    {
    }

    public string UserId { get; private set; } = "";

    public string TokenHash { get; private set; } = "";

    /// <summary>The token, encrypted for the owner's "show the address again"; null for feeds made before it was kept.</summary>
    public string? ProtectedToken { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    internal static AgendaFeed Create(string userId, string tokenHash, string protectedToken, DateTimeOffset now) =>
        new() { UserId = userId, TokenHash = tokenHash, ProtectedToken = protectedToken, CreatedAt = now };

    internal void Replace(string tokenHash, string protectedToken, DateTimeOffset now)
    {
        TokenHash = tokenHash;
        ProtectedToken = protectedToken;
        CreatedAt = now;
    }

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(token)));
}
