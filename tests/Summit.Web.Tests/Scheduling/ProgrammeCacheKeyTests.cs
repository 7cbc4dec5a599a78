using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;
using Summit.Testing;

namespace Summit.Web.Tests.Scheduling;

/// <summary>
/// The programme's cache keys come only from what each page reads (issue 22, item 4): parameters it does not read
/// share the entry, values it cannot show are sent to the address it shows, so nobody can fill the cache.
/// </summary>
public sealed class ProgrammeCacheKeyTests(ProgrammeCacheKeyTests.CountingApp app) : IClassFixture<ProgrammeCacheKeyTests.CountingApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Ten_thousand_requests_with_random_parameters_are_answered_from_the_entries_already_there()
    {
        // The demo's own consequences (a speaker changed, an article published) evict the cache while they run.
        await app.Factory.ConsequencesSettledAsync();
        using var client = app.Factory.Browser();
        const string page = "/2021/schedule?day=2021-11-05";
        var expected = await client.GetStringAsync(new Uri(page, UriKind.Relative), Cancel);
        var ics = await client.GetStringAsync(new Uri("/2021/schedule.ics", UriKind.Relative), Cancel);
        var entries = app.Store.Keys.Count;
        Assert.True(entries >= 2, $"{entries} entries after the page and the calendar");

        var answers = new ConcurrentBag<string>();
        await Parallel.ForAsync(0, 10_000, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = Cancel }, async (i, cancel) =>
        {
            var extra = Guid.NewGuid().ToString("N");
            using var answer = await client.GetAsync(new Uri($"{page}&x{i % 7}={extra}&utm_source={extra[..6]}", UriKind.Relative), cancel);
            var body = await answer.Content.ReadAsStringAsync(cancel);
            if (answer.StatusCode != HttpStatusCode.OK || body != expected)
            {
                answers.Add($"{i}: {answer.StatusCode} {body.Length} bytes (expected {expected.Length})");
            }
        });
        Assert.True(answers.IsEmpty, $"{answers.Count} answers differ, e.g. {string.Join("; ", answers.Take(5))}");
        Assert.Equal(entries, app.Store.Keys.Count);

        // Values of parameters the page reads but cannot show, and exports asked in a language they do not have: redirects, never stored.
        for (var i = 0; i < 200; i++)
        {
            var junk = Guid.NewGuid().ToString("N")[..(1 + (i % 12))];
            foreach (var address in new[] { $"/2021/schedule?day={junk}", $"/2021/schedule?day=2021-11-05&track=z{junk}", $"/2021/schedule?day=2021-11-05&tz={junk}/x", $"/2021/schedule.ics?lang={junk}" })
            {
                using var answer = await client.GetAsync(new Uri(address, UriKind.Relative), Cancel);
                Assert.True(answer.StatusCode == HttpStatusCode.Redirect, $"{address}: {answer.StatusCode}");
            }
        }

        Assert.Equal(entries, app.Store.Keys.Count);
        Assert.Equal(ics, await client.GetStringAsync(new Uri("/2021/schedule.ics?x=" + Guid.NewGuid().ToString("N"), UriKind.Relative), Cancel));
        Assert.Equal(entries, app.Store.Keys.Count);
    }

    /// <summary>The demo app with its output cache store wrapped in one that remembers every key written.</summary>
    public sealed class CountingApp : SqliteDemoApp
    {
        public CountingStore Store { get; private set; } = null!;

        protected override void Configure(SummitFactory app)
        {
            ArgumentNullException.ThrowIfNull(app);
            app.TestServices = services =>
            {
                var original = services.Single(d => d.ServiceType == typeof(IOutputCacheStore));
                services.Remove(original);
                services.AddSingleton<IOutputCacheStore>(sp => Store = new CountingStore(original.ImplementationFactory is { } make
                    ? (IOutputCacheStore)make(sp)
                    : (IOutputCacheStore)(original.ImplementationInstance ?? ActivatorUtilities.CreateInstance(sp, original.ImplementationType!))));
            };
        }
    }

    public sealed class CountingStore(IOutputCacheStore inner) : IOutputCacheStore
    {
        public ConcurrentDictionary<string, bool> Keys { get; } = new(StringComparer.Ordinal);

        public ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken) => inner.EvictByTagAsync(tag, cancellationToken);

        public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken) => inner.GetAsync(key, cancellationToken);

        public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
        {
            Keys.TryAdd(key, true);
            return inner.SetAsync(key, value, tags, validFor, cancellationToken);
        }
    }
}
