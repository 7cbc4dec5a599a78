using Microsoft.EntityFrameworkCore;
using Summit.Core.Data;

namespace Summit.Core.Press;

internal static class ArticleTransitions
{
    public static async Task<ArticleOutcome> SaveAsync(SummitDbContext db, Article article, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return new(article.Id, []);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return ArticleOutcome.Refused(ArticleRules.Reasons.Stale);
        }
    }

    /// <summary>A session as the latest published version of its edition has it; null if it is not in it.</summary>
    public static async Task<Scheduling.PublishedSession?> PublishedSessionAsync(SummitDbContext db, int editionId, int sessionId, CancellationToken cancellationToken)
    {
        var version = await db.ScheduleVersions.Where(v => v.EditionId == editionId).OrderByDescending(v => v.Number).Select(v => (int?)v.Id).FirstOrDefaultAsync(cancellationToken);
        return version is null ? null : await db.PublishedSessions.AsNoTracking().FirstOrDefaultAsync(s => s.VersionId == version && s.SessionId == sessionId, cancellationToken);
    }

    public static DateTimeOffset TimeAfter(DateTimeOffset startsAt, DateTimeOffset endsAt, SessionAnchor anchor, int offsetMinutes) =>
        (anchor == SessionAnchor.Start ? startsAt : endsAt).ToUniversalTime().AddMinutes(offsetMinutes);
}
