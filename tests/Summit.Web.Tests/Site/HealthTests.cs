using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Summit.Core.Data;
using Summit.Jobs.Hosting;
using Summit.Testing;

namespace Summit.Web.Tests.Site;

/// <summary>What a balancer asks a web node (issue 20): alive, ready, and the answers while it starts, drains or is full.</summary>
public class HealthTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_started_node_is_live_and_ready_with_each_check_named(DatabaseProvider provider)
    {
        await using var database = await DatabaseFor(provider);
        await using var app = new SummitFactory(provider, database?.ConnectionString);
        using var client = app.Browser();

        using var live = await client.GetAsync("/health/live", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        using var ready = await client.GetAsync("/health/ready", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var body = await ready.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        foreach (var check in new[] { "\"started\"", "\"database\"", "\"storage\"" })
        {
            Assert.Contains(check, body, StringComparison.Ordinal);
        }

        Assert.StartsWith("{\"status\":\"Healthy\"", body, StringComparison.Ordinal);
        Assert.Equal("no-store", ready.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task A_node_that_must_not_migrate_is_live_but_not_ready_and_asks_visitors_to_come_back_until_migrate_has_run()
    {
        var server = TestEnvironment.RequirePostgres();
        await using var database = await PostgresDatabase.CreateEmptyAsync(server);
        await using var app = new SummitFactory(DatabaseProvider.Postgres, database.ConnectionString) { WaitForStart = false };
        app.Settings["Database:MigrateOnStartup"] = "false";
        using var client = app.Browser();

        using (var live = await client.GetAsync("/health/live", TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        }

        using (var ready = await client.GetAsync("/health/ready", TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            Assert.Contains("waiting for migrations", await ready.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        }

        using (var page = await client.GetAsync("/", TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
            Assert.Equal("5", page.Headers.GetValues("Retry-After").Single());
            Assert.Contains("正在启动", await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        }

        Assert.Equal(0, await MigrateCommand.RunAsync(["migrate", "--Database:Provider=Postgres", $"--ConnectionStrings:Summit={database.ConnectionString}"]));
        await app.Services.GetRequiredService<StartupGate>().Started.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);

        using (var ready = await client.GetAsync("/health/ready", TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        }

        using (var page = await client.GetAsync("/", TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }
    }

    [Fact]
    public async Task A_stopping_node_says_it_is_not_ready_while_it_still_serves_for_the_drain_time()
    {
        await using var app = new SummitFactory(DatabaseProvider.Sqlite);
        app.Settings["Health:DrainSeconds"] = "4";
        using var client = app.Browser();
        using (var before = await client.GetAsync("/health/ready", TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        app.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication();
        var gate = app.Services.GetRequiredService<StartupGate>();
        var deadline = DateTime.UtcNow.AddSeconds(3);
        while (!gate.IsDraining && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }

        using var ready = await client.GetAsync("/health/ready", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Contains("shutting down", await ready.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        using var page = await client.GetAsync("/privacy", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task With_every_connection_busy_a_form_post_is_answered_503_with_Retry_After_and_changes_nothing()
    {
        var server = TestEnvironment.RequirePostgres();
        await using var database = await PostgresDatabase.CreateAsync(server);
        var oneSecondWait = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Timeout = 1 }.ConnectionString;
        await using var app = new SummitFactory(DatabaseProvider.Postgres, oneSecondWait);
        app.Settings["Database:PostgresMaxPoolSize"] = "2";
        using var client = app.Browser();
        using var page = await client.GetAsync("/account/register", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var token = Forms.Token(await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        // Both of the node's connections taken, as by two long requests.
        await using (var first = app.Services.CreateAsyncScope())
        await using (var second = app.Services.CreateAsyncScope())
        {
            await first.ServiceProvider.GetRequiredService<SummitDbContext>().Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
            await second.ServiceProvider.GetRequiredService<SummitDbContext>().Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
            using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,
                ["Input.DisplayName"] = "Busy Delegate",
                ["Input.Email"] = "busy@summit.test",
                ["Input.Password"] = SummitFactory.Password,
                ["Input.ConfirmPassword"] = SummitFactory.Password,
            });
            using var posted = await client.PostAsync("/account/register", form, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, posted.StatusCode);
            Assert.Equal("5", posted.Headers.GetValues("Retry-After").Single());
            Assert.Contains("Nothing was changed", await posted.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        }

        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == "busy@summit.test")));
    }

    private static async Task<PostgresDatabase?> DatabaseFor(DatabaseProvider provider) =>
        provider == DatabaseProvider.Postgres ? await PostgresDatabase.CreateAsync(TestEnvironment.RequirePostgres()) : null;
}
