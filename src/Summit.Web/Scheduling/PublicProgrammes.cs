using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Primitives;
using Summit.Core.Scheduling;

namespace Summit.Web.Scheduling;

/// <summary>
/// The latest published programme of each edition, read once per version and node and then kept in memory, so a
/// page rendered afresh (a cache miss: a new copy for signed-in visitors, a filter not asked before) costs the version
/// number (<see cref="ProgrammeVersions"/>, re-read every 2 s) and nothing more. A new version is a new entry; what a
/// version does not fix (speakers' names and photos, rooms, tracks) is dropped with the pages that show it: the
/// edition's tag or the tag of every page (<see cref="OutputCacheEviction"/>, on every node through decision 0019),
/// and at the latest after <see cref="Lifetime"/>, as the cached pages are. Only the web's public pages read through
/// it; a worker reads the database each time.
/// </summary>
public sealed class PublicProgrammes(IMemoryCache cache, ProgrammeVersions versions) : IDisposable
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private readonly Lock gate = new();
    private readonly Dictionary<string, CancellationTokenSource> editions = new(StringComparer.Ordinal);
    private CancellationTokenSource all = new();

    /// <param name="reader">The request's own reader: a miss reads on the connection the page uses anyway.</param>
    public async Task<Programme?> LatestAsync(string editionSlug, ProgrammeReader reader, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(editionSlug);
        ArgumentNullException.ThrowIfNull(reader);
        var slug = editionSlug.ToLowerInvariant();
        var number = await versions.LatestAsync(slug, reader, cancellationToken);
        var key = $"public-programme:{slug}:{number}";
        if (cache.TryGetValue(key, out Programme? cached))
        {
            return cached;
        }

        // Taken before the read, so an eviction while it runs also drops what it read.
        var (edition, every) = Tokens(slug);
        var programme = await reader.LatestAsync(slug, cancellationToken);
        if (programme is not null && (programme.Version?.Number ?? 0) == number)
        {
            var options = new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = Lifetime };
            options.ExpirationTokens.Add(new CancellationChangeToken(edition));
            options.ExpirationTokens.Add(new CancellationChangeToken(every));
            cache.Set(key, programme, options);
        }

        return programme;
    }

    /// <summary>Drops an edition's programme on this node.</summary>
    public void Forget(string editionSlug)
    {
        ArgumentNullException.ThrowIfNull(editionSlug);
        CancellationTokenSource? old;
        lock (gate)
        {
            editions.Remove(editionSlug.ToLowerInvariant(), out old);
        }

        Cancel(old);
    }

    /// <summary>Drops every edition's programme on this node.</summary>
    public void ForgetAll()
    {
        CancellationTokenSource old;
        lock (gate)
        {
            old = all;
            all = new CancellationTokenSource();
        }

        Cancel(old);
    }

    private (CancellationToken Edition, CancellationToken All) Tokens(string slug)
    {
        lock (gate)
        {
            if (!editions.TryGetValue(slug, out var source))
            {
                editions[slug] = source = new CancellationTokenSource();
            }

            return (source.Token, all.Token);
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            all.Dispose();
            foreach (var source in editions.Values)
            {
                source.Dispose();
            }

            editions.Clear();
        }
    }

    private static void Cancel(CancellationTokenSource? source)
    {
        if (source is null)
        {
            return;
        }

        // Not disposed: an entry being stored at this moment may still register on its token.
        source.Cancel();
    }
}
