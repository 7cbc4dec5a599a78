using Microsoft.AspNetCore.OutputCaching;
using Summit.Core.Site;

namespace Summit.Web.Scheduling;

/// <summary>This web node's output cache, as the broadcast reaches it: the pages under the tag, and an edition's version number read afresh.</summary>
internal sealed class OutputCacheEviction(IOutputCacheStore store, ProgrammeVersions versions) : ILocalCacheEviction
{
    public async Task EvictAsync(string tag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tag);
        if (tag.StartsWith("programme:", StringComparison.Ordinal))
        {
            versions.Forget(tag["programme:".Length..]);
        }

        await store.EvictByTagAsync(tag, cancellationToken);
    }
}
