using Microsoft.EntityFrameworkCore;
using Summit.Core.Data;

namespace Summit.Core.Press;

/// <summary>
/// Publishes the scheduled articles whose time has come. Each is taken with one conditional update (still scheduled,
/// still due), so two runs at the same moment, on two workers, publish it once between them.
/// </summary>
public sealed class PublishDueArticles(SummitDbContext db, ArticleEvents events, TimeProvider clock)
{
    public async Task<IReadOnlyList<int>> RunAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var due = await db.Articles.Where(a => a.Status == ArticleStatus.Scheduled && a.PublishAt <= now).OrderBy(a => a.PublishAt).Select(a => a.Id)
            .ToListAsync(cancellationToken);
        var published = new List<int>();
        foreach (var id in due)
        {
            // The publication, its history line and what follows commit together (decision 0014).
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var taken = await db.Articles.Where(a => a.Id == id && a.Status == ArticleStatus.Scheduled && a.PublishAt <= now)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(a => a.Status, ArticleStatus.Published)
                    .SetProperty(a => a.PublishedAt, now)
                    .SetProperty(a => a.FirstPublishedAt, a => a.FirstPublishedAt ?? now)
                    .SetProperty(a => a.StatusNote, (string?)null)
                    .SetProperty(a => a.UpdatedAt, now)
                    .SetProperty(a => a.ConcurrencyStamp, Article.NewStamp()), cancellationToken);
            if (taken == 1)
            {
                db.ArticleEvents.Add(new ArticleEvent(id, ArticleEventKind.Published, null, null, now));
                var edition = await db.Articles.Where(a => a.Id == id).Select(a => a.EditionId).FirstAsync(cancellationToken);
                Audit.AuditLog.Record(db, now, Audit.AuditedTypes.Article, id, edition, "published", null, Audit.AuditLog.Change("Status", ArticleStatus.Scheduled, ArticleStatus.Published));
                events.Record(new ArticlePublished(id));
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                published.Add(id);
                await events.PublishedAsync(new ArticlePublished(id));
            }
        }

        return published;
    }
}
