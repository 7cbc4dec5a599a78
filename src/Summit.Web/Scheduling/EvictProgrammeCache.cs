using Summit.Core.Scheduling;
using Summit.Core.Site;

namespace Summit.Web.Scheduling;

/// <summary>Makes every node serve a newly committed version at once and drop the old copies.</summary>
internal sealed class EvictProgrammeCache(CacheEvictions evictions) : ISchedulePublishedHandler
{
    public Task HandleAsync(SchedulePublished published, CancellationToken cancellationToken) =>
        evictions.EvictAsync(ProgrammeCachePolicy.Tag(published.EditionSlug), cancellationToken);
}
