using System.Security.Cryptography;
using System.Text;

namespace Summit.Core.Scheduling;

/// <summary>
/// The secret address of a visitor's personal calendar feed. Only its SHA-256 is stored, so a database leak does not
/// reveal feeds; making a new one revokes the old.
/// </summary>
public sealed class AgendaFeed
{
    private AgendaFeed()
    {
    }

    public string UserId { get; private set; } = "";

    public string TokenHash { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    internal static AgendaFeed Create(string userId, string tokenHash, DateTimeOffset now) => new() { UserId = userId, TokenHash = tokenHash, CreatedAt = now };

    internal void Replace(string tokenHash, DateTimeOffset now)
    {
        TokenHash = tokenHash;
        CreatedAt = now;
    }

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(token)));
}
