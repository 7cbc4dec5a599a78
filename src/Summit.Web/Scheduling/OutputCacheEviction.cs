using Microsoft.AspNetCore.OutputCaching;
using Summit.Core.Site;

namespace Summit.Web.Scheduling;

/// <summary>
/// This web node's output cache, as the broadcast reaches it: the pages under the tag, an edition's version number
/// read afresh, and the programmes the pages are rendered from (<see cref="PublicProgrammes"/>).
/// </summary>
internal sealed class OutputCacheEviction(IOutputCacheStore store, ProgrammeVersions versions, PublicProgrammes programmes) : ILocalCacheEviction
{
    public async Task EvictAsync(string tag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tag);
        if (tag.StartsWith("programme:", StringComparison.Ordinal))
        {
            var slug = tag["programme:".Length..];
            versions.Forget(slug);
            programmes.Forget(slug);
        }
        else if (tag == Core.Site.CacheEvictions.AllTag)
        {
            programmes.ForgetAll();
        }

        await store.EvictByTagAsync(tag, cancellationToken);
    }
}
