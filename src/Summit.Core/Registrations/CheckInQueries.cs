using Microsoft.EntityFrameworkCore;
using Summit.Core.Data;

namespace Summit.Core.Registrations;

/// <summary>Arrivals against confirmed registrations, per category (those with anyone confirmed), in the categories' order.</summary>
public sealed record CategoryArrivals(int CategoryId, string NameEn, string NameZh, int Arrived, int Confirmed);

/// <summary>What the desk and the API read about the door: arrivals per category, and the log of scans.</summary>
public sealed class CheckInQueries(SummitDbContext db)
{
    public async Task<IReadOnlyList<CategoryArrivals>> ArrivalsAsync(int editionId, CancellationToken cancellationToken = default)
    {
        var counts = await db.Registrations.AsNoTracking()
            .Where(r => r.EditionId == editionId && r.Status == RegistrationStatus.Confirmed)
            .GroupBy(r => r.CategoryId)
            .Select(g => new { CategoryId = g.Key, Confirmed = g.Count(), Arrived = g.Count(r => r.CheckedInAt != null) })
            .ToListAsync(cancellationToken);
        return (await db.RegistrationCategories.AsNoTracking().Where(c => c.EditionId == editionId).OrderBy(c => c.Order).ThenBy(c => c.Id).ToListAsync(cancellationToken))
            .Select(c => new CategoryArrivals(c.Id, c.NameEn, c.NameZh, counts.FirstOrDefault(x => x.CategoryId == c.Id)?.Arrived ?? 0, counts.FirstOrDefault(x => x.CategoryId == c.Id)?.Confirmed ?? 0))
            .Where(c => c.Confirmed > 0)
            .ToList();
    }

    /// <summary>The scans of some editions in id order, after <paramref name="after"/>, at most <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<CheckInScan>> ScansAsync(IReadOnlyList<int>? editions, int? editionId, long after, int limit, CancellationToken cancellationToken = default)
    {
        var query = db.CheckInScans.AsNoTracking().Where(s => s.Id > after);
        if (editions is not null)
        {
            query = query.Where(s => s.EditionId != null && editions.Contains(s.EditionId.Value));
        }

        if (editionId is int edition)
        {
            query = query.Where(s => s.EditionId == edition);
        }

        return await query.OrderBy(s => s.Id).Take(limit).ToListAsync(cancellationToken);
    }
}
