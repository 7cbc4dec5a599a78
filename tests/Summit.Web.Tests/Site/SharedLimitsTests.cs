using System.Net;
using Summit.Core.Data;
using Summit.Testing;

namespace Summit.Web.Tests.Site;

/// <summary>Two web nodes on one PostgreSQL database hold one form limit between them, not one each.</summary>
public sealed class SharedLimitsTests : IAsyncLifetime
{
    private const int Limit = 6;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private PostgresDatabase? database;
    private readonly List<SummitFactory> nodes = [];

    public async ValueTask InitializeAsync()
    {
        database = await PostgresDatabase.CreateAsync(TestEnvironment.RequirePostgres());
        for (var i = 0; i < 2; i++)
        {
            var node = new SummitFactory(DatabaseProvider.Postgres, database.ConnectionString)
            {
                Settings = { ["RateLimits:FormsPerMinute"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Jobs:RunServer"] = i == 0 ? "true" : "false" },
            };
            _ = node.Services;
            nodes.Add(node);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in nodes)
        {
            await node.DisposeAsync();
        }

        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }

    [Fact]
    public async Task Sign_in_posts_from_one_address_alternating_between_two_nodes_are_refused_after_the_limit_on_both()
    {
        // One fixed window of a minute: not started in its last seconds, so every post falls in the same one.
        var second = DateTimeOffset.UtcNow.Second;
        if (second > 50)
        {
            await Task.Delay(TimeSpan.FromSeconds(61 - second), Cancel);
        }

        var clients = nodes.Select(n => n.Browser()).ToList();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < (2 * Limit) + 2; i++)
        {
            using var posted = await clients[i % 2].PostAsync(new Uri("/account/login", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.Email"] = "nobody@summit.test",
                ["Input.Password"] = "wrong password",
            }), Cancel);
            statuses.Add(posted.StatusCode);
            if (posted.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.InRange(int.Parse(posted.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture), 1, 60);
            }
        }

        foreach (var client in clients)
        {
            client.Dispose();
        }

        // Each node alone would have let 2 × the limit through.
        Assert.All(statuses.Take(Limit), s => Assert.NotEqual(HttpStatusCode.TooManyRequests, s));
        Assert.All(statuses.Skip(Limit), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));
        Assert.Equal(Limit + 2, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
    }
}
