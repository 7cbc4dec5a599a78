using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Summit.Core.Consequences;
using Summit.Core.Data;
using Summit.Testing;

namespace Summit.Core.Tests.Consequences;

/// <summary>
/// The outbox on a real engine: consequences commit or roll back with the change, start only after the commit, run
/// once however often they are started, retry a failure with back-off until they give up, and are picked up again
/// when the nudge after a commit was lost (the process died) or the runner holding them died.
/// </summary>
public abstract class ConsequenceTests : IAsyncLifetime
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.Zero));
    private readonly RecordingNudge nudge = new();
    private readonly KnockLog log = new();
    private ServiceProvider services = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    protected abstract Task<Dictionary<string, string?>> DatabaseSettingsAsync();

    public async ValueTask InitializeAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(await DatabaseSettingsAsync()).Build();
        var collection = new ServiceCollection().AddLogging();
        collection.AddSummitCore(configuration);
        collection.AddSingleton<TimeProvider>(clock);
        collection.AddSingleton<IConsequenceNudge>(nudge);
        collection.AddSingleton(log);
        collection.AddConsequence<Knock, KnockHandler>("default");
        collection.AddConsequence<Knock, SecondKnockHandler>("mail");
        services = collection.BuildServiceProvider();
    }

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        await DisposeDatabaseAsync();
        GC.SuppressFinalize(this);
    }

    protected abstract Task DisposeDatabaseAsync();

    private ConsequenceRunner Runner => services.GetRequiredService<ConsequenceRunner>();

    /// <summary>Records a knock in a transaction of its own, as a rule would, and commits it.</summary>
    private async Task<long[]> CommitKnockAsync(string key)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SummitDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(Cancel);
        scope.ServiceProvider.GetRequiredService<ConsequenceRecorder>().Record(new Knock(key), $"knock:{key}");
        var started = nudge.Batches.Count;
        await db.SaveChangesAsync(Cancel);
        Assert.Equal(started, nudge.Batches.Count); // saved, not yet committed: nothing starts
        await transaction.CommitAsync(Cancel);
        var ids = await IdsAsync(key);
        Assert.Equal(nudge.Drop ? started : started + 1, nudge.Batches.Count);
        return ids;
    }

    private async Task<long[]> IdsAsync(string key)
    {
        using var scope = services.CreateScope();
        var subject = $"knock:{key}";
        return await scope.ServiceProvider.GetRequiredService<SummitDbContext>().Consequences.Where(c => c.Subject == subject).OrderBy(c => c.Id).Select(c => c.Id).ToArrayAsync(Cancel);
    }

    private async Task<Consequence> RowAsync(long id)
    {
        using var scope = services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<SummitDbContext>().Consequences.AsNoTracking().SingleAsync(c => c.Id == id, Cancel);
    }

    private async Task<IReadOnlyList<long>> DueAsync()
    {
        using var scope = services.CreateScope();
        var due = await ConsequenceRunner.DueAsync(scope.ServiceProvider.GetRequiredService<SummitDbContext>(), clock.GetUtcNow(), TimeSpan.FromSeconds(10), 100, Cancel);
        return due.Select(d => d.Id).ToList();
    }

    [Fact]
    public async Task A_change_rolled_back_leaves_no_consequence_and_starts_nothing()
    {
        using (var scope = services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SummitDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync(Cancel);
            scope.ServiceProvider.GetRequiredService<ConsequenceRecorder>().Record(new Knock("rolled-back"), "knock:rolled-back");
            await db.SaveChangesAsync(Cancel);
            await transaction.RollbackAsync(Cancel);
        }

        Assert.Empty(await IdsAsync("rolled-back"));
        Assert.Empty(nudge.Batches);
    }

    [Fact]
    public async Task A_committed_change_has_a_row_per_handler_started_on_each_handlers_queue_after_the_commit()
    {
        var ids = await CommitKnockAsync("committed");

        Assert.Equal(2, ids.Length);
        var started = nudge.Batches.SelectMany(b => b).Where(c => ids.Contains(c.Id)).ToList();
        Assert.Equal(["default", "mail"], started.OrderBy(c => c.Id).Select(c => c.Queue));
        Assert.Equal(ConsequenceStatus.Pending, (await RowAsync(ids[0])).Status);

        // Without a transaction around it, SaveChanges is the commit.
        using var scope = services.CreateScope();
        scope.ServiceProvider.GetRequiredService<ConsequenceRecorder>().Record(new Knock("alone"), "knock:alone");
        await scope.ServiceProvider.GetRequiredService<SummitDbContext>().SaveChangesAsync(Cancel);
        var alone = await IdsAsync("alone");
        Assert.All(alone, id => Assert.Contains(nudge.Batches.SelectMany(b => b), c => c.Id == id));
    }

    [Fact]
    public async Task A_consequence_started_twice_or_at_once_by_two_runners_runs_once()
    {
        var ids = await CommitKnockAsync("twice");

        var runs = await Task.WhenAll(Runner.RunAsync(ids[0], Cancel), Runner.RunAsync(ids[0], Cancel));
        Assert.Equal([ConsequenceRun.Done, ConsequenceRun.Skipped], runs.Order());
        Assert.Equal(ConsequenceRun.Skipped, await Runner.RunAsync(ids[0], Cancel));

        Assert.Equal(1, log.Count("twice"));
        var row = await RowAsync(ids[0]);
        Assert.Equal((ConsequenceStatus.Done, 1, clock.GetUtcNow()), (row.Status, row.Attempts, row.DoneAt));
        Assert.Null(row.LeasedUntil);
    }

    [Fact]
    public async Task A_failing_consequence_keeps_its_error_is_retried_after_a_back_off_and_is_carried_out_later()
    {
        log.FailTimes("flaky", 2);
        var id = (await CommitKnockAsync("flaky"))[0];

        Assert.Equal(ConsequenceRun.Retrying, await Runner.RunAsync(id, Cancel));
        var failed = await RowAsync(id);
        Assert.Equal((ConsequenceStatus.Pending, 1), (failed.Status, failed.Attempts));
        Assert.Equal("InvalidOperationException: The knock at flaky failed (2 more to go).", failed.LastError);
        Assert.Equal(clock.GetUtcNow() + TimeSpan.FromSeconds(10), failed.NextAttemptAt);

        Assert.DoesNotContain(id, await DueAsync());
        clock.Advance(TimeSpan.FromSeconds(11));
        Assert.Contains(id, await DueAsync());
        Assert.Equal(ConsequenceRun.Retrying, await Runner.RunAsync(id, Cancel));
        Assert.Equal(clock.GetUtcNow() + TimeSpan.FromSeconds(30), (await RowAsync(id)).NextAttemptAt);

        clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(ConsequenceRun.Done, await Runner.RunAsync(id, Cancel));
        Assert.Equal((ConsequenceStatus.Done, 3), ((await RowAsync(id)).Status, (await RowAsync(id)).Attempts));
        Assert.Equal(1, log.Count("flaky"));
        Assert.DoesNotContain(id, await DueAsync());
    }

    [Fact]
    public async Task A_consequence_that_always_fails_gives_up_after_the_last_attempt_shows_as_failed_and_can_be_started_again()
    {
        log.FailTimes("broken", ConsequenceRunner.MaxAttempts);
        var id = (await CommitKnockAsync("broken"))[0];

        for (var attempt = 1; attempt < ConsequenceRunner.MaxAttempts; attempt++)
        {
            Assert.Equal(ConsequenceRun.Retrying, await Runner.RunAsync(id, Cancel));
            clock.Advance(ConsequenceRunner.BackoffAfter(attempt) + TimeSpan.FromSeconds(1));
        }

        Assert.Equal(ConsequenceRun.Failed, await Runner.RunAsync(id, Cancel));
        var row = await RowAsync(id);
        Assert.Equal((ConsequenceStatus.Failed, ConsequenceRunner.MaxAttempts), (row.Status, row.Attempts));
        Assert.Contains("broken failed", row.LastError, StringComparison.Ordinal);
        clock.Advance(TimeSpan.FromDays(1));
        Assert.DoesNotContain(id, await DueAsync());
        Assert.Equal(ConsequenceRun.Skipped, await Runner.RunAsync(id, Cancel));

        // An organizer starts it again once the cause is fixed.
        using (var scope = services.CreateScope())
        {
            Assert.Equal(1, await ConsequenceRunner.RetryAsync(scope.ServiceProvider.GetRequiredService<SummitDbContext>(), id, Cancel));
        }

        Assert.Contains(id, await DueAsync());
        Assert.Equal(ConsequenceRun.Done, await Runner.RunAsync(id, Cancel));
        Assert.Equal(1, log.Count("broken"));
    }

    [Fact]
    public async Task A_consequence_whose_nudge_was_lost_with_the_process_is_found_by_the_sweeper_and_carried_out()
    {
        nudge.Drop = true; // the process dies between the commit and the start of its job
        var ids = await CommitKnockAsync("crash");
        nudge.Drop = false;

        Assert.Empty(ids.Intersect(await DueAsync())); // a fresh one's job may still be on its way
        clock.Advance(TimeSpan.FromSeconds(11));
        Assert.Equal(ids, (await DueAsync()).Intersect(ids).Order());
        foreach (var id in ids)
        {
            Assert.Equal(ConsequenceRun.Done, await Runner.RunAsync(id, Cancel));
        }

        Assert.Equal((1, 1), (log.Count("crash"), log.Count("second:crash")));
    }

    [Fact]
    public async Task A_consequence_held_by_a_runner_that_died_waits_for_the_lease_and_is_then_carried_out()
    {
        var id = (await CommitKnockAsync("dead-runner"))[0];
        using (var scope = services.CreateScope())
        {
            // A runner took it (lease and attempt recorded) and was killed before the handler finished.
            var until = clock.GetUtcNow() + ConsequenceRunner.Lease;
            await scope.ServiceProvider.GetRequiredService<SummitDbContext>().Consequences.Where(c => c.Id == id)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.LeasedUntil, until).SetProperty(c => c.Attempts, 1), Cancel);
        }

        clock.Advance(TimeSpan.FromSeconds(15));
        Assert.DoesNotContain(id, await DueAsync());
        Assert.Equal(ConsequenceRun.Skipped, await Runner.RunAsync(id, Cancel));

        clock.Advance(ConsequenceRunner.Lease);
        Assert.Contains(id, await DueAsync());
        Assert.Equal(ConsequenceRun.Done, await Runner.RunAsync(id, Cancel));
        Assert.Equal((ConsequenceStatus.Done, 2), ((await RowAsync(id)).Status, (await RowAsync(id)).Attempts));
    }

    public sealed record Knock(string Key);

    /// <summary>What the handlers did, per key, and how many more times a key's first handler fails.</summary>
    public sealed class KnockLog
    {
        private readonly ConcurrentDictionary<string, int> done = new(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, int> failures = new(StringComparer.Ordinal);

        public void FailTimes(string key, int times) => failures[key] = times;

        public int Count(string key) => done.GetValueOrDefault(key);

        public void Knock(string key, bool mayFail)
        {
            if (mayFail && failures.TryGetValue(key, out var left) && left > 0)
            {
                failures[key] = left - 1;
                throw new InvalidOperationException($"The knock at {key} failed ({left} more to go).");
            }

            done.AddOrUpdate(key, 1, (_, n) => n + 1);
        }
    }

    public sealed class KnockHandler(KnockLog log) : IConsequenceHandler<Knock>
    {
        public async Task HandleAsync(Knock happened, CancellationToken cancellationToken)
        {
            // Long enough for a second runner to try the same row meanwhile.
            await Task.Delay(50, cancellationToken);
            log.Knock(happened.Key, mayFail: true);
        }
    }

    public sealed class SecondKnockHandler(KnockLog log) : IConsequenceHandler<Knock>
    {
        public Task HandleAsync(Knock happened, CancellationToken cancellationToken)
        {
            log.Knock("second:" + happened.Key, mayFail: false);
            return Task.CompletedTask;
        }
    }

    /// <summary>Records each start of committed consequences, or drops them like a crash.</summary>
    private sealed class RecordingNudge : IConsequenceNudge
    {
        public bool Drop { get; set; }

        public ConcurrentQueue<IReadOnlyList<(long Id, string Queue)>> Batches { get; } = new();

        public void Nudge(IReadOnlyList<(long Id, string Queue)> committed)
        {
            if (!Drop)
            {
                Batches.Enqueue(committed);
            }
        }
    }
}

public sealed class ConsequenceTestsOnSqlite : ConsequenceTests
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("summit-consequences-");

    protected override Task<Dictionary<string, string?>> DatabaseSettingsAsync()
    {
        TestDatabases.CopySqliteTemplate(folder.FullName);
        return Task.FromResult(new Dictionary<string, string?> { ["Storage:Path"] = folder.FullName });
    }

    protected override Task DisposeDatabaseAsync()
    {
        SqliteConnection.ClearAllPools();
        folder.Delete(recursive: true);
        return Task.CompletedTask;
    }
}

public sealed class ConsequenceTestsOnPostgres : ConsequenceTests
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("summit-consequences-");
    private PostgresDatabase? database;

    protected override async Task<Dictionary<string, string?>> DatabaseSettingsAsync()
    {
        database = await PostgresDatabase.CreateAsync(TestEnvironment.RequirePostgres());
        return new Dictionary<string, string?>
        {
            ["Storage:Path"] = folder.FullName,
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Summit"] = database.ConnectionString,
        };
    }

    protected override async Task DisposeDatabaseAsync()
    {
        if (database is not null)
        {
            await database.DisposeAsync();
        }

        folder.Delete(recursive: true);
    }
}
