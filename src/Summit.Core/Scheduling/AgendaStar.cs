namespace Summit.Core.Scheduling;

/// <summary>A session a signed-in visitor starred for their own agenda.</summary>
public sealed class AgendaStar
{
    private AgendaStar()
    {
    }

    public int Id { get; private set; }

    public string UserId { get; private set; } = "";

    public int SessionId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    internal static AgendaStar Create(string userId, int sessionId, DateTimeOffset now) => new() { UserId = userId, SessionId = sessionId, CreatedAt = now };
}
