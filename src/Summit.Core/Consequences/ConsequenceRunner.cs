using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Summit.Core.Data;

namespace Summit.Core.Consequences;

public enum ConsequenceRun
{
    /// <summary>Carried out now.</summary>
    Done,

    /// <summary>Already done, given up, or another runner holds it: nothing was run.</summary>
    Skipped,

    /// <summary>Failed; it stays pending and is tried again after a back-off.</summary>
    Retrying,

    /// <summary>Failed for the last time; organizers see it and may start it again.</summary>
    Failed,
}

/// <summary>
/// Carries out one consequence: takes a lease on the row (so two runners never run it at once, and a dead runner's
/// lease runs out), runs its handler in a scope of its own, then marks it done, or records the error and when to try
/// again. The handler may run more than once (a runner killed after the handler and before the mark): handlers
/// check state first.
/// </summary>
public sealed class ConsequenceRunner(IServiceScopeFactory scopes, ConsequenceRoutes routes, TimeProvider clock, ILogger<ConsequenceRunner> logger)
{
    /// <summary>How long a runner holds a consequence; a handler that needs longer enqueues a job of its own.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    public const int MaxAttempts = 10;

    private static readonly TimeSpan[] Backoff =
    [
        TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(5),
        TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(30), TimeSpan.FromHours(1), TimeSpan.FromHours(2),
    ];

    /// <summary>The wait after the <paramref name="attempts"/>-th failure.</summary>
    public static TimeSpan BackoffAfter(int attempts) => Backoff[Math.Clamp(attempts, 1, Backoff.Length) - 1];

    public async Task<ConsequenceRun> RunAsync(long id, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SummitDbContext>();
        var now = clock.GetUtcNow();
        var until = now + Lease;
        var taken = await db.Consequences
            .Where(c => c.Id == id && c.Status == ConsequenceStatus.Pending && (c.LeasedUntil == null || c.LeasedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.LeasedUntil, until).SetProperty(c => c.Attempts, c => c.Attempts + 1), cancellationToken);
        if (taken == 0)
        {
            return ConsequenceRun.Skipped;
        }

        var row = await db.Consequences.AsNoTracking().SingleAsync(c => c.Id == id, cancellationToken);
        try
        {
            var route = routes.Find(row.Handler) ?? throw new InvalidOperationException($"No consequence handler is named {row.Handler}.");
            await using var work = scopes.CreateAsyncScope();
            work.ServiceProvider.GetRequiredService<ConsequenceContext>().Id = row.Id;

            using var actor = Audit.AuditActor.Use(Audit.AuditActor.Job(row.Handler));
            await route.InvokeAsync(work.ServiceProvider, row.Payload, cancellationToken);
        }
#pragma warning disable CA1031 // Any failure of a handler is the consequence's state, not the runner's exception.
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            // Recorded, not swallowed: the row stays pending with its error, the sweeper runs it again after the
            // back-off, and after the last attempt it shows as failed to organizers.
            var last = row.Attempts >= MaxAttempts;
            var next = clock.GetUtcNow() + BackoffAfter(row.Attempts);
            var error = Describe(exception);
            await db.Consequences.Where(c => c.Id == id).ExecuteUpdateAsync(
                s => s.SetProperty(c => c.LeasedUntil, (DateTimeOffset?)null)
                    .SetProperty(c => c.NextAttemptAt, next)
                    .SetProperty(c => c.LastError, error)
                    .SetProperty(c => c.Status, last ? ConsequenceStatus.Failed : ConsequenceStatus.Pending),
                CancellationToken.None);
            logger.LogError(exception, "Consequence {Id} ({Handler}, {Subject}) failed on attempt {Attempt}{Last}.", id, row.Handler, row.Subject, row.Attempts, last ? ", the last" : "");
            return last ? ConsequenceRun.Failed : ConsequenceRun.Retrying;
        }

        var done = clock.GetUtcNow();
        await db.Consequences.Where(c => c.Id == id).ExecuteUpdateAsync(
            s => s.SetProperty(c => c.Status, ConsequenceStatus.Done).SetProperty(c => c.DoneAt, done).SetProperty(c => c.LeasedUntil, (DateTimeOffset?)null),
            CancellationToken.None);
        return ConsequenceRun.Done;
    }

    /// <summary>The error as organizers read it: each exception down to the cause ("DbUpdateException: … → SqliteException: …").</summary>
    public static string Describe(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var parts = new List<string>();
        for (var e = exception; e is not null; e = e.InnerException)
        {
            parts.Add($"{e.GetType().Name}: {e.Message}");
        }

        var error = string.Join(" → ", parts);
        return error.Length > Consequence.ErrorMaxLength ? error[..Consequence.ErrorMaxLength] : error;
    }

    /// <summary>
    /// The pending consequences that are due: never tried and older than <paramref name="grace"/> (a fresh one's own
    /// job is on its way), due again after a failure, or held by a runner whose lease ran out.
    /// </summary>
    public static async Task<IReadOnlyList<(long Id, string Queue)>> DueAsync(SummitDbContext db, DateTimeOffset now, TimeSpan grace, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var before = now - grace;
        var due = await db.Consequences.AsNoTracking()
            .Where(c => c.Status == ConsequenceStatus.Pending
                        && (c.LeasedUntil == null || c.LeasedUntil < now)
                        && (c.NextAttemptAt == null ? c.CreatedAt < before : c.NextAttemptAt <= now))
            .OrderBy(c => c.Id)
            .Take(limit)
            .Select(c => new { c.Id, c.Queue })
            .ToListAsync(cancellationToken);
        return due.Select(c => (c.Id, c.Queue)).ToList();
    }

    /// <summary>An organizer starts a failed consequence again, from its first back-off.</summary>
    public static Task<int> RetryAsync(SummitDbContext db, long id, CancellationToken cancellationToken) =>
        db.Consequences.Where(c => c.Id == id && c.Status == ConsequenceStatus.Failed)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, ConsequenceStatus.Pending).SetProperty(c => c.Attempts, 0).SetProperty(c => c.NextAttemptAt, (DateTimeOffset?)null), cancellationToken);
}
