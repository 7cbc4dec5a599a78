using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Summit.Core.Data;
using Summit.Core.Editions;
using Summit.Core.Registrations;
using Summit.Core.Site;
using Summit.Jobs.Mail;

namespace Summit.Jobs.Registrations;

/// <summary>
/// Every hour: on each of an edition's reminder days (see <see cref="Edition.ReminderDays"/>), from 09:00 in the
/// edition's time zone, a reminder to every confirmed registration. Each is keyed on (registration, days before), so
/// the hourly reruns and a second worker queue nothing twice. Do not rename: Hangfire stores this type's name.
/// </summary>
public sealed class SendRemindersJob(SummitDbContext db, MailOutbox outbox, MailOverrides overrides, SiteLinks site, TimeProvider clock, ILogger<SendRemindersJob> logger)
{
    public const string RecurringJobId = "mail.reminders";

    /// <summary>Reminders go out from this hour of the edition's day: not at midnight.</summary>
    public const int FromHour = 9;

    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var editions = await db.Editions.AsNoTracking()
            .Where(e => e.Status == EditionStatus.Open || e.Status == EditionStatus.Closed)
            .ToListAsync(cancellationToken);
        var queued = 0;
        foreach (var edition in editions)
        {
            var local = TimeZoneInfo.ConvertTime(now, edition.TimeZone);
            var today = DateOnly.FromDateTime(local.DateTime);
            var daysBefore = edition.StartDate.DayNumber - today.DayNumber;
            if (local.Hour < FromHour || !edition.Reminders.Contains(daysBefore))
            {
                continue;
            }

            queued += await RemindAsync(edition, daysBefore, cancellationToken);
        }

        return queued;
    }

    private async Task<int> RemindAsync(Edition edition, int daysBefore, CancellationToken cancellationToken)
    {
        var categories = await db.RegistrationCategories.AsNoTracking().Where(c => c.EditionId == edition.Id).ToDictionaryAsync(c => c.Id, cancellationToken);
        var registrations = await db.Registrations.AsNoTracking()
            .Where(r => r.EditionId == edition.Id && r.Status == RegistrationStatus.Confirmed && r.ErasedAt == null)
            .OrderBy(r => r.Id)
            .ToListAsync(cancellationToken);
        foreach (var r in registrations)
        {
            var chinese = Cultures.IsChinese(r.PreferredCulture);
            var facts = new RegistrationMails.Facts(
                r.Email, r.DisplayName(chinese), r.PreferredCulture, edition.Name(chinese),
                categories.TryGetValue(r.CategoryId, out var category) ? category.Name(chinese) : "", null, null,
                site.Registration(r.AccessKey));
            var draft = RegistrationMails.Reminder(facts, daysBefore, edition.StartDate, edition.EndDate, edition.Venue(chinese), edition.City(chinese))
                .About($"registration:{r.Id}", $"reminder-{daysBefore}d");
            draft = await overrides.ApplyAsync(edition.Id, draft, RegistrationMails.Values(facts), facts.Link, cancellationToken);
            await outbox.QueueAsync(draft, cancellationToken);
        }

        logger.LogInformation("Reminder {Days} day(s) before {Edition}: {Count} confirmed registrations.", daysBefore, edition.Slug, registrations.Count);
        return registrations.Count;
    }
}
