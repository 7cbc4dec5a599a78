using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Summit.Core.Data;
using Summit.Core.Site;

namespace Summit.Jobs.Mail;

/// <summary>
/// Queues one logged email per person in a bulk email's segment. Each is keyed on (bulk email, recipient), so a rerun
/// after a crash queues only who is missing. Do not rename: Hangfire stores this type's name.
/// </summary>
[Queue(JobQueues.Mail)]
[AutomaticRetry(Attempts = 5)]
public sealed class QueueBulkMailJob(SummitDbContext db, MailOutbox outbox, SiteLinks site, TimeProvider clock, ILogger<QueueBulkMailJob> logger)
{
    public async Task RunAsync(int bulkMailId, CancellationToken cancellationToken)
    {
        var bulk = await db.BulkMails.AsNoTracking().FirstOrDefaultAsync(b => b.Id == bulkMailId, cancellationToken);
        var edition = bulk is null ? null : await db.Editions.AsNoTracking().FirstOrDefaultAsync(e => e.Id == bulk.EditionId, cancellationToken);
        if (bulk is null || edition is null)
        {
            return;
        }

        var categories = await db.RegistrationCategories.AsNoTracking().Where(c => c.EditionId == edition.Id).ToDictionaryAsync(c => c.Id, cancellationToken);
        var recipients = await bulk.Segment.Query(db).AsNoTracking().OrderBy(r => r.Id).ToListAsync(cancellationToken);
        foreach (var r in recipients)
        {
            var chinese = Cultures.IsChinese(r.PreferredCulture);
            var draft = BulkMails.For(bulk.SubjectEn, bulk.SubjectZh, bulk.BodyEn, bulk.BodyZh, (r.Email, r.DisplayName(chinese), r.PreferredCulture), edition.Name(chinese),
                categories.TryGetValue(r.CategoryId, out var category) ? category.Name(chinese) : "", site.Registration(r.AccessKey));
            await outbox.QueueAsync(draft.About(bulk.Entity, "1"), cancellationToken);
        }

        await db.BulkMails.Where(b => b.Id == bulkMailId)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.Recipients, recipients.Count).SetProperty(b => b.QueuedAt, clock.GetUtcNow()), cancellationToken);
        logger.LogInformation("Bulk email {BulkMail} queued for {Count} people.", bulkMailId, recipients.Count);
    }
}
