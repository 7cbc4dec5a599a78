using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Summit.Core.Data;
using Summit.Core.Editions;
using Summit.Core.Mail;
using Summit.Core.Registrations;

namespace Summit.Jobs.Mail;

/// <summary>An organizer's email to a segment: the rules for its texts, and each recipient's message.</summary>
public static class BulkMails
{
    public const string Kind = "bulk";

    public const int SubjectMaxLength = 200;

    public const int BodyMaxLength = 10000;

    public static class Reasons
    {
        public const string Required = "Write the subject and the text in English and in Chinese.";
    }

    public static IReadOnlyList<Refusal> Check(string? subjectEn, string? subjectZh, string? bodyEn, string? bodyZh)
    {
        var refusals = new List<Refusal>();
        foreach (var (field, value, max) in new[]
                 {
                     ("SubjectEn", subjectEn, SubjectMaxLength), ("SubjectZh", subjectZh, SubjectMaxLength),
                     ("BodyEn", bodyEn, BodyMaxLength), ("BodyZh", bodyZh, BodyMaxLength),
                 })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                refusals.Add(new(field, Reasons.Required));
            }
            else if (MailTemplates.CheckField(field, value, max, MailTemplates.Placeholders) is { } refusal)
            {
                refusals.Add(refusal);
            }
        }

        return refusals;
    }

    /// <summary>One recipient's message, in their language, placeholders filled in.</summary>
    public static MailDraft For(string subjectEn, string subjectZh, string bodyEn, string bodyZh, (string Email, string Name, string Culture) to, string editionName, string categoryName, Uri link)
    {
        ArgumentNullException.ThrowIfNull(link);
        var chinese = MailLayout.Chinese(to.Culture);
        var name = to.Name;
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["name"] = name,
            ["edition"] = editionName,
            ["category"] = categoryName,
            ["link"] = link.AbsoluteUri,
        };
        var subject = MailTemplates.Render(chinese ? subjectZh : subjectEn, values).ReplaceLineEndings(" ").Trim();
        var paragraphs = MailTemplates.Render(chinese ? bodyZh : bodyEn, values)
            .ReplaceLineEndings("\n")
            .Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return chinese
            ? MailLayout.Draft(Kind, to.Email, name, to.Culture, subject, $"{name}，您好：", paragraphs, [], "查看我的注册", link, $"您收到此邮件，是因为您注册了{editionName}。")
            : MailLayout.Draft(Kind, to.Email, name, to.Culture, subject, $"Dear {name},", paragraphs, [], "See my registration", link, $"You receive this because you registered for {editionName}.");
    }
}

/// <summary>
/// Queues one logged email per person in a bulk email's segment. Each is keyed on (bulk email, recipient), so a rerun
/// after a crash queues only who is missing. Do not rename: Hangfire stores this type's name.
/// </summary>
[Queue(JobQueues.Mail)]
[AutomaticRetry(Attempts = 5)]
public sealed class QueueBulkMailJob(SummitDbContext db, MailOutbox outbox, SiteAddress site, TimeProvider clock, ILogger<QueueBulkMailJob> logger)
{
    public async Task RunAsync(int bulkMailId, CancellationToken cancellationToken)
    {
        var bulk = await db.BulkMails.AsNoTracking().FirstOrDefaultAsync(b => b.Id == bulkMailId, cancellationToken).ConfigureAwait(false);
        var edition = bulk is null ? null : await db.Editions.AsNoTracking().FirstOrDefaultAsync(e => e.Id == bulk.EditionId, cancellationToken).ConfigureAwait(false);
        if (bulk is null || edition is null)
        {
            return;
        }

        var categories = await db.RegistrationCategories.AsNoTracking().Where(c => c.EditionId == edition.Id).ToDictionaryAsync(c => c.Id, cancellationToken).ConfigureAwait(false);
        var recipients = await bulk.Segment.Query(db).AsNoTracking().OrderBy(r => r.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var r in recipients)
        {
            var chinese = MailLayout.Chinese(r.PreferredCulture);
            var draft = BulkMails.For(bulk.SubjectEn, bulk.SubjectZh, bulk.BodyEn, bulk.BodyZh, (r.Email, r.DisplayName(chinese), r.PreferredCulture), edition.Name(chinese),
                categories.TryGetValue(r.CategoryId, out var category) ? category.Name(chinese) : "", site.Link($"/registration/{r.AccessKey}"));
            await outbox.QueueAsync(draft.About(bulk.Entity, "1"), cancellationToken).ConfigureAwait(false);
        }

        await db.BulkMails.Where(b => b.Id == bulkMailId)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.Recipients, recipients.Count).SetProperty(b => b.QueuedAt, clock.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Bulk email {BulkMail} queued for {Count} people.", bulkMailId, recipients.Count);
    }
}
