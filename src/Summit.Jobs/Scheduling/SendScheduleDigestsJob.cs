using System.Text;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Summit.Core.Data;
using Summit.Core.Scheduling;
using Summit.Core.Site;
using Summit.Jobs.Mail;

namespace Summit.Jobs.Scheduling;

/// <summary>
/// After a version is published: one email to each person its changes concern (see
/// <see cref="ScheduleChangeAudience"/>). Takes the version's id; every email is keyed on (edition, version,
/// recipient), so a rerun after a crash queues only what is missing. Do not rename: Hangfire stores this type's name.
/// </summary>
[Queue(JobQueues.Default)]
[AutomaticRetry(Attempts = 5)]
public sealed class SendScheduleDigestsJob(SummitDbContext db, ProgrammeReader reader, ScheduleChangeAudience audience, MailOutbox outbox, SiteLinks site, ILogger<SendScheduleDigestsJob> logger)
{
    public async Task RunAsync(int versionId, CancellationToken cancellationToken)
    {
        var programme = await reader.VersionAsync(versionId, cancellationToken);
        if (programme?.Version is null)
        {
            return;
        }

        var recipients = await audience.ForVersionAsync(versionId, cancellationToken);
        if (recipients.Count == 0)
        {
            return;
        }

        // A session can have several lines (moved and given new speakers); wording changes alone are not news.
        var changes = (await db.ScheduleChanges.AsNoTracking().Where(c => c.VersionId == versionId && c.Kind != ScheduleChangeKind.DetailsChanged).ToListAsync(cancellationToken))
            .ToLookup(c => c.SessionId);
        // A session taken off the programme is in the version before: sent as cancelled, so calendars drop it.
        var removedIds = changes.Where(g => g.Any(c => c.Kind == ScheduleChangeKind.Removed)).Select(g => g.Key).ToHashSet();
        Programme? previous = null;
        if (removedIds.Count > 0)
        {
            var number = programme.Version.Number;
            var editionId = programme.Edition.Id;
            var previousId = await db.ScheduleVersions.AsNoTracking().Where(v => v.EditionId == editionId && v.Number < number)
                .OrderByDescending(v => v.Number).Select(v => (int?)v.Id).FirstOrDefaultAsync(cancellationToken);
            previous = previousId is int id ? await reader.VersionAsync(id, cancellationToken) : null;
        }

        var rooms = await db.Rooms.AsNoTracking().Where(r => r.EditionId == programme.Edition.Id).ToDictionaryAsync(r => r.Id, cancellationToken);
        var link = site.ScheduleChangelog(programme.Edition.Slug);
        foreach (var recipient in recipients)
        {
            var chinese = Cultures.IsChinese(recipient.Culture);
            var lines = recipient.SessionIds.SelectMany(id => changes[id])
                .OrderBy(c => c.NewStartsAt ?? c.OldStartsAt).ThenBy(c => c.Kind)
                .Select(c => new ScheduleChangeMails.Line(c, Room(c.OldRoomId), Room(c.NewRoomId)))
                .ToList();
            var sessions = programme.Sessions.Where(s => recipient.SessionIds.Contains(s.Id)).Select(s => (programme, s)).ToList();
            var removed = previous is null ? [] : previous.Sessions.Where(s => removedIds.Contains(s.Id) && recipient.SessionIds.Contains(s.Id)).Select(s => (previous, s)).ToList();
            var calendar = Encoding.UTF8.GetBytes(ProgrammeCalendar.Write(sessions, programme.Edition.Name(chinese), chinese, site.Root, removed));
            var draft = ScheduleChangeMails.Digest(recipient, programme, lines, link, calendar)
                .About($"schedule:{programme.Edition.Id}", $"v{programme.Version.Number}");
            await outbox.QueueAsync(draft, cancellationToken);

            string? Room(int? id) => id is int roomId && rooms.TryGetValue(roomId, out var room) ? room.Name(chinese) : null;
        }

        logger.LogInformation("Programme changes of {Edition} v{Version}: {Count} people told.", programme.Edition.Slug, programme.Version.Number, recipients.Count);
    }
}
