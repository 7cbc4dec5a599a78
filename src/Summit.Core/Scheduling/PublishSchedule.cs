using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Summit.Core.Data;
using Summit.Core.Editions;

namespace Summit.Core.Scheduling;

/// <summary>Raised after a version is committed. The programme PDF, the output cache and the change digests listen.</summary>
public sealed record SchedulePublished(int EditionId, string EditionSlug, int VersionId, int Number, IReadOnlyList<ScheduleDiffEntry> Changes);

/// <summary>
/// A version was published: the consequence recorded with it (decision 0014) for what must follow (the programme
/// PDF, the change digests, articles following their sessions, speakers' registrations). Its changelog is in the
/// version's rows.
/// </summary>
public sealed record ScheduleVersionPublished(int EditionId, string EditionSlug, int VersionId, int Number, int ChangeCount);

/// <summary>
/// This process's reaction to a published version (its output cache), after the commit: it dies with the process
/// anyway, so it is not a consequence. A failure is logged.
/// </summary>
public interface ISchedulePublishedHandler
{
    Task HandleAsync(SchedulePublished published, CancellationToken cancellationToken);
}

public sealed record PublishOutcome(SchedulePublished? Published, IReadOnlyList<Refusal> Refusals)
{
    public bool Succeeded => Published is not null;
}

/// <summary>
/// Freezes the working copy as the next version (v1, v2…) with its changelog. Scheduled sessions go in; a cancelled
/// session goes in (marked cancelled) only if the public has seen it before; a session taken off the grid after being
/// published is listed as removed. Each session's SEQUENCE rises only when something about it changed.
/// </summary>
public sealed class PublishSchedule(SummitDbContext db, TimeProvider clock, Consequences.ConsequenceRecorder consequences, IEnumerable<ISchedulePublishedHandler> handlers, ILogger<PublishSchedule> logger)
{
    public const int NoteMaxLength = 100;

    public static class Reasons
    {
        public const string NothingToPublish = "The working copy is the same as the published version: there is nothing to publish.";
        public const string NoSessions = "Place at least one session on the grid before publishing.";
        public const string NoteTooLong = "Keep the note under 100 characters.";
        public const string NotFound = "This edition does not exist (any more).";
        public const string Stale = "Someone changed the working copy after you opened this page: review the changes listed now and publish again.";
    }

    /// <param name="expectedRevision">
    /// The working copy's revision the organizer previewed; publishing is refused if anyone changed it since, so
    /// nobody publishes a change they have not seen. Null publishes whatever is there (the demo seed, scripts).
    /// </param>
    public async Task<PublishOutcome> RunAsync(int editionId, string? note, string? publishedBy, int? expectedRevision = null, CancellationToken cancellationToken = default)
    {
        if (note is not null && (note.Trim().Length > NoteMaxLength || Text.Texts.HasControlCharacters(note)))
        {
            return new(null, [new("Note", Reasons.NoteTooLong)]);
        }

        SchedulePublished published;
        await using (var transaction = await ScheduleLock.TakeAsync(db, editionId, cancellationToken))
        {
            if (transaction is null)
            {
                return new(null, [new("", Reasons.NotFound)]);
            }

            var edition = await db.Editions.AsNoTracking().Where(e => e.Id == editionId).Select(e => new { e.Slug, e.ScheduleDraftRevision }).FirstAsync(cancellationToken);

            // Taking the lock raised the revision by one.
            if (expectedRevision is int expected && edition.ScheduleDraftRevision - 1 != expected)
            {
                return new(null, [new("", Reasons.Stale)]);
            }

            var (previous, before, next) = await WorkingCopyAsync(editionId, cancellationToken);
            var changes = ScheduleDiff.Compare(before.Values.Select(s => s.ToSnapshot()), next);
            if (previous is null && next.Count == 0)
            {
                return new(null, [new("", Reasons.NoSessions)]);
            }

            if (previous is not null && changes.Count == 0)
            {
                return new(null, [new("", Reasons.NothingToPublish)]);
            }

            var now = clock.GetUtcNow();
            var version = ScheduleVersion.Create(editionId, (previous?.Number ?? 0) + 1, note, now, publishedBy, edition.ScheduleDraftRevision);
            foreach (var snapshot in next)
            {
                before.TryGetValue(snapshot.SessionId, out var then);
                var (sequence, changed) = ScheduleDiff.NextSequence(then?.ToSnapshot(), then?.Sequence ?? 0, snapshot);
                version.Add(PublishedSession.From(snapshot, sequence, changed ? now : then!.LastModified));
            }

            foreach (var change in changes)
            {
                version.Add(ScheduleChange.From(change));
            }

            // A speaker on the published programme takes part in the edition, so their profile becomes public with it.
            var onStage = next.Where(s => !s.IsCancelled).SelectMany(s => s.Speakers).Select(s => s.SpeakerId).Distinct().ToList();
            foreach (var speaker in await db.Speakers.Include(s => s.Editions).Where(s => onStage.Contains(s.Id) && !s.Editions.Any(e => e.EditionId == editionId)).AsSplitQuery().ToListAsync(cancellationToken))
            {
                speaker.MarkFor(editionId);
            }

            db.ScheduleVersions.Add(version);
            await db.SaveChangesAsync(cancellationToken);
            consequences.Record(new ScheduleVersionPublished(editionId, edition.Slug, version.Id, version.Number, changes.Count), $"schedule:{version.Id}");
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            published = new(editionId, edition.Slug, version.Id, version.Number, changes);
        }

        foreach (var handler in handlers)
        {
            try
            {
                // Not the request's token: the version is committed, so this node's cache follows even if the browser goes away.
                await handler.HandleAsync(published, CancellationToken.None);
            }
#pragma warning disable CA1031 // The version and its consequences are committed; an in-memory cache's failure is logged, and its expiry catches up.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                logger.LogError(exception, "A listener ({Handler}) failed after schedule version {Number} of edition {Edition} was published.", handler.GetType().Name, published.Number, editionId);
            }
        }

        return new(published, []);
    }

    /// <summary>What publishing now would change: the changelog of the next version, without making it.</summary>
    public async Task<IReadOnlyList<ScheduleDiffEntry>> PreviewAsync(int editionId, CancellationToken cancellationToken = default)
    {
        var (_, before, next) = await WorkingCopyAsync(editionId, cancellationToken);
        return ScheduleDiff.Compare(before.Values.Select(s => s.ToSnapshot()), next);
    }

    /// <summary>The latest version, its sessions by id, and the snapshots the working copy would publish.</summary>
    private async Task<(ScheduleVersion? Previous, Dictionary<int, PublishedSession> Before, List<SessionSnapshot> Next)> WorkingCopyAsync(int editionId, CancellationToken cancellationToken)
    {
        var previous = await db.ScheduleVersions.AsNoTracking()
            .Where(v => v.EditionId == editionId)
            .OrderByDescending(v => v.Number)
            .Include(v => v.Sessions).ThenInclude(s => s.Speakers)
            .AsSplitQuery()
            .FirstOrDefaultAsync(cancellationToken);
        var before = previous?.Sessions.ToDictionary(s => s.SessionId) ?? [];

        var working = await db.Sessions.AsNoTracking()
            .Where(s => s.EditionId == editionId)
            .Include(s => s.Speakers)
            .ToListAsync(cancellationToken);
        var next = new List<SessionSnapshot>();
        foreach (var session in working)
        {
            before.TryGetValue(session.Id, out var then);
            if (session.IsCancelled && then is null)
            {
                continue;
            }

            if (session.IsScheduled)
            {
                next.Add(Snapshot(session, session.RoomId!.Value, session.StartsAt!.Value, session.EndsAt!.Value));
            }
            else if (session.IsCancelled)
            {
                // Cancelled and taken off the grid: the public keeps seeing it, cancelled, where it was.
                next.Add(Snapshot(session, then!.RoomId, then.StartsAt, then.EndsAt));
            }
        }

        return (previous, before, next);
    }

    internal static SessionSnapshot Snapshot(Session session, int roomId, DateTimeOffset startsAt, DateTimeOffset endsAt) => new(
        session.Id, session.Uid, session.TitleEn, session.TitleZh, session.AbstractEn, session.AbstractZh, session.TypeId, session.TrackId,
        session.Language, session.InterpretationOffered, session.SeatLimit, roomId, startsAt, endsAt, session.IsCancelled,
        session.Speakers.OrderBy(s => s.Order).Select(s => new SessionSpeakerDetails(s.SpeakerId, s.Role)).ToList());
}
