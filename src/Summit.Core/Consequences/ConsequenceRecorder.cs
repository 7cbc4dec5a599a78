using System.Text.Json;
using Summit.Core.Data;

namespace Summit.Core.Consequences;

/// <summary>
/// Records what must follow a change, as rows of the caller's context: they commit or roll back with the change
/// itself. One row per handler of the event, so each is retried, and shown, on its own.
/// </summary>
public sealed class ConsequenceRecorder(SummitDbContext db, ConsequenceRoutes routes, TimeProvider clock)
{
    /// <summary>Adds a row per handler of <typeparamref name="TEvent"/>; the caller's next SaveChanges writes them.</summary>
    public void Record<TEvent>(TEvent happened, string subject)
        where TEvent : class
    {
        ArgumentNullException.ThrowIfNull(happened);
        ArgumentNullException.ThrowIfNull(subject);
        var payload = JsonSerializer.Serialize(happened);
        var now = clock.GetUtcNow();
        foreach (var route in routes.Of(typeof(TEvent)).Where(r => r.AppliesTo(happened)))
        {
            db.Consequences.Add(new Consequence(route.Name, route.Queue, subject, payload, now));
        }
    }
}
