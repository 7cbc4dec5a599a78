using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Summit.Core.Data;
using Summit.Core.Limits;
using Summit.Testing;

namespace Summit.Core.Tests.Limits;

/// <summary>The shared fixed windows on each engine: counted by one upsert, reset by the next window, pruned after an hour.</summary>
public abstract class SharedRateLimitsTests : IAsyncLifetime
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 7, 8, 0, 10, TimeSpan.Zero));
    private readonly List<SummitDbContext> contexts = [];

    protected static CancellationToken Cancel => TestContext.Current.CancellationToken;

    protected abstract Task<SummitDbContext> OpenAsync();

    public virtual ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        foreach (var db in contexts)
        {
            await db.DisposeAsync();
        }

        await CleanUpAsync();
        GC.SuppressFinalize(this);
    }

    protected virtual ValueTask CleanUpAsync() => ValueTask.CompletedTask;

    private async Task<SharedRateLimits> NodeAsync()
    {
        var db = await OpenAsync();
        contexts.Add(db);
        return new SharedRateLimits(db, clock);
    }

    [Fact]
    public async Task Two_nodes_count_against_one_window_and_the_next_window_starts_again_at_one()
    {
        var (a, b) = (await NodeAsync(), await NodeAsync());

        Assert.Equal(1, (await a.CountAsync("forms:203.0.113.9", TimeSpan.FromMinutes(1), Cancel)).Count);
        Assert.Equal(2, (await b.CountAsync("forms:203.0.113.9", TimeSpan.FromMinutes(1), Cancel)).Count);
        var (third, ends) = await a.CountAsync("forms:203.0.113.9", TimeSpan.FromMinutes(1), Cancel);
        Assert.Equal(3, third);
        Assert.Equal(new DateTimeOffset(2026, 12, 7, 8, 1, 0, TimeSpan.Zero), ends);
        Assert.Equal(1, (await b.CountAsync("forms:198.51.100.7", TimeSpan.FromMinutes(1), Cancel)).Count);

        clock.Advance(TimeSpan.FromSeconds(50));
        Assert.Equal(1, (await b.CountAsync("forms:203.0.113.9", TimeSpan.FromMinutes(1), Cancel)).Count);
    }

    [Fact]
    public async Task Forty_requests_at_once_through_eight_connections_are_each_counted_once()
    {
        var nodes = new List<SharedRateLimits>();
        for (var i = 0; i < 8; i++)
        {
            nodes.Add(await NodeAsync());
        }

        // Each context (a request's) runs its statements one after another; the eight run side by side.
        var counts = await Task.WhenAll(nodes.Select(async node =>
        {
            var mine = new List<int>();
            for (var i = 0; i < 5; i++)
            {
                mine.Add((await node.CountAsync("api:token:abc", TimeSpan.FromMinutes(1), Cancel)).Count);
            }

            return mine;
        }));

        Assert.Equal(Enumerable.Range(1, 40), counts.SelectMany(c => c).Order());
    }

    [Fact]
    public async Task Windows_that_ended_an_hour_ago_are_pruned_and_a_long_partition_fits()
    {
        var node = await NodeAsync();
        var longPartition = "api:token:" + new string('x', 400);
        await node.CountAsync("forms:old", TimeSpan.FromMinutes(1), Cancel);
        Assert.Equal(1, (await node.CountAsync(longPartition, TimeSpan.FromMinutes(1), Cancel)).Count);

        clock.Advance(TimeSpan.FromMinutes(75));
        await node.CountAsync("forms:new", TimeSpan.FromMinutes(1), Cancel);
        Assert.Equal(2, await node.PruneAsync(Cancel));
        var left = await contexts[0].RateLimitWindows.Select(w => w.Partition).ToListAsync(Cancel);
        Assert.Equal(["forms:new"], left);
        Assert.True(SharedRateLimits.Key(longPartition).Length <= RateLimitWindow.PartitionMaxLength);
        Assert.NotEqual(SharedRateLimits.Key(longPartition), SharedRateLimits.Key(longPartition + "y"));
    }
}

public sealed class SqliteSharedRateLimitsTests : SharedRateLimitsTests
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("summit-limits-");

    public override ValueTask InitializeAsync()
    {
        TestDatabases.CopySqliteTemplate(folder.FullName);
        return ValueTask.CompletedTask;
    }

    protected override Task<SummitDbContext> OpenAsync() => Task.FromResult<SummitDbContext>(TestDatabases.OpenSqlite(folder.FullName));

    protected override ValueTask CleanUpAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        folder.Delete(recursive: true);
        return ValueTask.CompletedTask;
    }
}

public sealed class PostgresSharedRateLimitsTests : SharedRateLimitsTests
{
    private PostgresDatabase? database;

    public override async ValueTask InitializeAsync() => database = await PostgresDatabase.CreateAsync(TestEnvironment.RequirePostgres());

    protected override Task<SummitDbContext> OpenAsync()
    {
        var options = new DbContextOptionsBuilder<PostgresSummitDbContext>();
        SummitDatabase.UsePostgres(options, database!.ConnectionString);
        return Task.FromResult<SummitDbContext>(new PostgresSummitDbContext(options.Options));
    }

    protected override async ValueTask CleanUpAsync()
    {
        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }
}
