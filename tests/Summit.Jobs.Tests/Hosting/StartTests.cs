using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Summit.Core;
using Summit.Core.Accounts;
using Summit.Core.Data;
using Summit.Core.Demo;
using Summit.Jobs.Hosting;
using Summit.Testing;

namespace Summit.Jobs.Tests.Hosting;

/// <summary>Processes that start at the same moment on one empty PostgreSQL database (issue 20): one schema, one of everything.</summary>
public class StartTests
{
    [Fact]
    public async Task Three_processes_starting_at_once_on_an_empty_database_make_one_schema_one_set_of_roles_and_one_demo_ten_times_over()
    {
        var server = TestEnvironment.RequirePostgres();
        for (var round = 1; round <= 10; round++)
        {
            await using var database = await PostgresDatabase.CreateEmptyAsync(server);
            var nodes = Enumerable.Range(0, 3).Select(_ => new Node(database.ConnectionString, migrate: true)).ToList();
            try
            {
                using var together = new Barrier(nodes.Count);
                await Task.WhenAll(nodes.Select(node => Task.Run(async () =>
                {
                    together.SignalAndWait(TestContext.Current.CancellationToken);
                    await node.Host.StartSummitAsync();
                }, TestContext.Current.CancellationToken)));

                Assert.All(nodes, node => Assert.True(node.Gate.IsReady, $"round {round}: a process did not finish its start"));
                await using var scope = nodes[0].Host.Services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<SummitDbContext>();
                var applied = await db.Database.GetAppliedMigrationsAsync(TestContext.Current.CancellationToken);
                Assert.Equal(db.Database.GetMigrations(), applied);
                var roles = await db.Roles.Select(r => r.Name!).ToListAsync(TestContext.Current.CancellationToken);
                Assert.Equal(Roles.All.Order(StringComparer.Ordinal), roles.Order(StringComparer.Ordinal));
                var editions = await db.Editions.Select(e => e.Slug).ToListAsync(TestContext.Current.CancellationToken);
                Assert.Equal([DemoContent.Edition2021.Slug], editions);
                Assert.Equal(1L, await ScalarAsync(database.ConnectionString, "SELECT count(*) FROM hangfire.schema"));
            }
            finally
            {
                nodes.ForEach(node => node.Dispose());
            }
        }
    }

    [Fact]
    public async Task A_process_told_not_to_migrate_waits_for_the_migrate_verb_and_then_starts()
    {
        var server = TestEnvironment.RequirePostgres();
        await using var database = await PostgresDatabase.CreateEmptyAsync(server);
        using var waiting = new Node(database.ConnectionString, migrate: false);
        var start = waiting.Host.StartSummitAsync();
        await Task.Delay(SummitStart.SchemaPoll * 2, TestContext.Current.CancellationToken);
        Assert.False(start.IsCompleted);
        Assert.Equal("waiting for migrations", waiting.Gate.Stage);
        Assert.Equal(0L, await ScalarAsync(database.ConnectionString, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"));

        Assert.Equal(0, await MigrateCommand.RunAsync(["migrate", "--Database:Provider=Postgres", $"--ConnectionStrings:Summit={database.ConnectionString}"]));

        await start.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
        Assert.True(waiting.Gate.IsReady);
        await using var scope = waiting.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SummitDbContext>();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
        Assert.Equal(Roles.All.Count, await db.Roles.CountAsync(TestContext.Current.CancellationToken));
    }

    private static async Task<long> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A process's composition (a worker's, without running jobs), each with its own storage folder.</summary>
    private sealed class Node : IDisposable
    {
        private readonly DirectoryInfo storage = Directory.CreateTempSubdirectory("summit-node-");

        public Node(string connectionString, bool migrate)
        {
            var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = "Postgres",
                ["ConnectionStrings:Summit"] = connectionString,
                ["Database:MigrateOnStartup"] = migrate ? "true" : "false",
                ["Storage:Path"] = storage.FullName,
                ["Demo:Seed"] = "true",
            });
            builder.Services.AddSummitCore(builder.Configuration);
            builder.Services.AddSummitJobs(builder.Configuration, runServer: false);
            Host = builder.Build();
        }

        public IHost Host { get; }

        public StartupGate Gate => Host.Services.GetRequiredService<StartupGate>();

        public void Dispose()
        {
            Host.Dispose();
            storage.Delete(recursive: true);
        }
    }
}
