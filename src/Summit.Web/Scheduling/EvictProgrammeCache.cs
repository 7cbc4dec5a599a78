using Microsoft.AspNetCore.OutputCaching;
using Summit.Core.Scheduling;

namespace Summit.Web.Scheduling;

/// <summary>Makes this node serve a newly committed version at once and drops the old copies.</summary>
internal sealed class EvictProgrammeCache(IOutputCacheStore store, ProgrammeVersions versions) : ISchedulePublishedHandler
{
    public async Task HandleAsync(SchedulePublished published, CancellationToken cancellationToken)
    {
        versions.Forget(published.EditionSlug);
        await store.EvictByTagAsync(ProgrammeCachePolicy.Tag(published.EditionSlug), cancellationToken);
    }
}
