namespace Summit.Core.Audit;

/// <summary>Who is writing: set once per request (Summit.Web) or per job (Summit.Jobs), read when the change is saved.</summary>
public sealed record AuditActor(AuditActorKind Kind, string Name, string? UserId = null, string? Address = null)
{
    /// <summary>Whatever runs with no request and no job around it: start-up, the demo seed, a test.</summary>
    public static readonly AuditActor Unnamed = new(AuditActorKind.System, "system");

    public static AuditActor Job(string name) => new(AuditActorKind.System, name);

    public static AuditActor Person(string userId, string email, string? address) => new(AuditActorKind.Person, email, userId, address);

    public static AuditActor Visitor(string? address) => new(AuditActorKind.Visitor, "", null, address);

    /// <summary>A system calling the organizer API: named by its token, with the token's number and the caller's address.</summary>
    public static AuditActor Token(int tokenId, string name, string? address) =>
        new(AuditActorKind.Token, name, $"token:{tokenId.ToString(System.Globalization.CultureInfo.InvariantCulture)}", address);

    private static readonly AsyncLocal<AuditActor?> Ambient = new();

    /// <summary>The actor of the code running now (it flows with async calls, not into unrelated work).</summary>
    public static AuditActor Current => Ambient.Value ?? Unnamed;

    /// <summary>Names the actor until the result is disposed.</summary>
    public static IDisposable Use(AuditActor actor)
    {
        var previous = Ambient.Value;
        Ambient.Value = actor;
        return new Restore(previous);
    }

    private sealed class Restore(AuditActor? previous) : IDisposable
    {
        public void Dispose() => Ambient.Value = previous;
    }
}
