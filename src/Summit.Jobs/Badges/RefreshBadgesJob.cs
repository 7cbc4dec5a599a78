using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Summit.Core.Data;
using Summit.Core.Registrations;

namespace Summit.Jobs.Badges;

/// <summary>
/// Draws again the badges of an edition (or of one category) after something every one of them prints changed: the
/// edition's names or dates, a category's names or colour. People are not emailed again: the badge is the same badge
/// (same code, same QR), only its print is newer, and the link in their email serves the new file. Do not rename:
/// Hangfire stores this type's name.
/// </summary>
[Queue(JobQueues.Badges)]
[AutomaticRetry(Attempts = 3)]
public sealed class RefreshBadgesJob(SummitDbContext db, BadgeService badges, ILogger<RefreshBadgesJob> logger)
{
    public async Task RunAsync(int editionId, int? categoryId, CancellationToken cancellationToken)
    {
        var query = db.Registrations.Where(r => r.EditionId == editionId && r.Status == RegistrationStatus.Confirmed && r.ErasedAt == null && r.BadgeCode != null);
        if (categoryId is int category)
        {
            query = query.Where(r => r.CategoryId == category);
        }

        // The edition and its categories once; the registrations in one statement: no query per badge.
        var edition = await db.Editions.AsNoTracking().FirstAsync(e => e.Id == editionId, cancellationToken);
        var categories = await db.RegistrationCategories.AsNoTracking().Where(c => c.EditionId == editionId).ToDictionaryAsync(c => c.Id, cancellationToken);
        var registrations = await query.AsNoTracking().OrderBy(r => r.Id).ToListAsync(cancellationToken);
        var drawn = 0;
        foreach (var r in registrations)
        {
            if ((await badges.EnsureAsync(r, categories[r.CategoryId], edition, cancellationToken)).Rendered)
            {
                drawn++;
            }
        }

        logger.LogInformation("Badges of edition {Edition} (category {Category}) drawn again: {Drawn} of {Count}.", editionId, categoryId, drawn, registrations.Count);
    }
}
