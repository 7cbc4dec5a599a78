using Microsoft.Extensions.Caching.Memory;
using Summit.Core.Scheduling;

namespace Summit.Web.Scheduling;

/// <summary>
/// The latest published version number per edition, read from the database at most every
/// <see cref="Freshness"/> per node: the one query the cached programme would otherwise cost on every request.
/// </summary>
public sealed class ProgrammeVersions(IMemoryCache cache)
{
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(2);

    /// <param name="reader">The request's own reader, so a miss costs one statement on the connection the page uses anyway.</param>
    public async Task<int> LatestAsync(string editionSlug, ProgrammeReader reader, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var key = Key(editionSlug);
        if (cache.TryGetValue(key, out int version))
        {
            return version;
        }

        version = await reader.LatestNumberAsync(editionSlug, cancellationToken);
        cache.Set(key, version, Freshness);
        return version;
    }

    public void Forget(string editionSlug) => cache.Remove(Key(editionSlug));

    private static string Key(string editionSlug) => "programme-version:" + editionSlug.ToLowerInvariant();
}
