using Microsoft.EntityFrameworkCore;
using Summit.Core.Data;
using Summit.Core.Scheduling;

namespace Summit.Core.Press;

/// <summary>
/// After each programme version: an article scheduled relative to a session follows the session's new time; if the
/// session is cancelled or taken off the programme, the article is held and its authors told. A consequence of the
/// version (decision 0014). Do not rename: consequences store the name.
/// </summary>
public sealed class FollowSessionTimes(SummitDbContext db, ArticleEvents events, TimeProvider clock) : Consequences.IConsequenceHandler<ScheduleVersionPublished>
{
    public async Task HandleAsync(ScheduleVersionPublished published, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(published);
        if (await db.ScheduleVersions.AnyAsync(v => v.EditionId == published.EditionId && v.Number > published.Number, cancellationToken))
        {
            // Run late (after a retry): the newer version's own run follows the newer times.
            return;
        }

        var articles = await db.Articles.AsNoTracking()
            .Where(a => a.EditionId == published.EditionId && a.Status == ArticleStatus.Scheduled && a.PublishSessionId != null)
            .Select(a => new { a.Id, SessionId = a.PublishSessionId!.Value, a.PublishAnchor, a.PublishOffsetMinutes, a.PublishAt, a.ConcurrencyStamp })
            .ToListAsync(cancellationToken);
        var sessionIds = articles.Select(a => a.SessionId).Distinct().ToList();
        var sessions = await db.PublishedSessions.AsNoTracking()
            .Where(s => s.VersionId == published.VersionId && sessionIds.Contains(s.SessionId))
            .ToDictionaryAsync(s => s.SessionId, cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var article in articles)
        {
            var session = sessions.GetValueOrDefault(article.SessionId);
            // Unchanged since read (compare and set): an editor's change, or a newer version's handler, wins.
            var same = db.Articles.Where(a => a.Id == article.Id && a.Status == ArticleStatus.Scheduled && a.ConcurrencyStamp == article.ConcurrencyStamp);
            if (session is null || session.IsCancelled)
            {
                var note = session is null ? "session removed from the programme" : "session cancelled";
                // The hold, its history line and the authors' email commit together; run again, the compare finds it held.
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                if (await same.ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, ArticleStatus.Held).SetProperty(a => a.StatusNote, note).SetProperty(a => a.UpdatedAt, now).SetProperty(a => a.ConcurrencyStamp, Article.NewStamp()), cancellationToken) == 1)
                {
                    db.ArticleEvents.Add(new ArticleEvent(article.Id, ArticleEventKind.Held, null, $"{note} (v{published.Number})", now));
                    Audit.AuditLog.Record(db, now, Audit.AuditedTypes.Article, article.Id, published.EditionId, "held", null, Audit.AuditLog.Change("Status", ArticleStatus.Scheduled, ArticleStatus.Held), Audit.AuditLog.Change("StatusNote", null, note));
                    events.Record(new ArticleHeld(article.Id, article.SessionId));
                    await db.SaveChangesAsync(cancellationToken);
                }

                await transaction.CommitAsync(cancellationToken);

                continue;
            }

            var publishAt = ArticleTransitions.TimeAfter(session.StartsAt, session.EndsAt, article.PublishAnchor ?? SessionAnchor.End, article.PublishOffsetMinutes ?? 0);
            if (publishAt != article.PublishAt
                && await same.ExecuteUpdateAsync(s => s.SetProperty(a => a.PublishAt, publishAt).SetProperty(a => a.UpdatedAt, now).SetProperty(a => a.ConcurrencyStamp, Article.NewStamp()), cancellationToken) == 1)
            {
                db.ArticleEvents.Add(new ArticleEvent(article.Id, ArticleEventKind.Scheduled, null, $"moved with its session (v{published.Number}) → {publishAt:O}", now));
                Audit.AuditLog.Record(db, now, Audit.AuditedTypes.Article, article.Id, published.EditionId, "changed", null, Audit.AuditLog.Change("PublishAt", article.PublishAt, publishAt));
                await db.SaveChangesAsync(cancellationToken);
            }
        }
    }
}
