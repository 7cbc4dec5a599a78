using Microsoft.EntityFrameworkCore;
using Summit.Core.Data;
using Summit.Core.Editions;

namespace Summit.Core.Scheduling;

/// <summary>
/// Adds and removes the windows in which a speaker can be on stage. Once a speaker has any window, the schedule
/// editor refuses to place them outside all of them; sessions already placed are listed so the organizer can act.
/// </summary>
public sealed class SetSpeakerAvailability(SummitDbContext db)
{
    public const int MaxWindows = 20;

    public static class Reasons
    {
        public const string EndBeforeStart = "The window must end after it starts.";
        public const string OutsideEdition = "The window must lie within the edition's days.";
        public const string UnknownSpeaker = "This speaker does not exist (any more).";
        public const string TooMany = "A speaker has at most 20 windows per edition.";
    }

    public async Task<IReadOnlyList<Refusal>> AddAsync(int editionId, int speakerId, DateTimeOffset startsAt, DateTimeOffset endsAt, CancellationToken cancellationToken = default)
    {
        if (endsAt <= startsAt)
        {
            return [new("End", Reasons.EndBeforeStart)];
        }

        var edition = await db.Editions.AsNoTracking().FirstOrDefaultAsync(e => e.Id == editionId, cancellationToken);
        if (edition is null || !await db.Speakers.AnyAsync(s => s.Id == speakerId, cancellationToken))
        {
            return [new("SpeakerId", Reasons.UnknownSpeaker)];
        }

        var first = ScheduleTime.ToUtc(edition.StartDate, TimeOnly.MinValue, edition.TimeZone);
        var last = ScheduleTime.ToUtc(edition.EndDate.AddDays(1), TimeOnly.MinValue, edition.TimeZone);
        if (startsAt < first || endsAt > last)
        {
            return [new("Day", Reasons.OutsideEdition)];
        }

        if (await db.SpeakerAvailabilities.CountAsync(a => a.EditionId == editionId && a.SpeakerId == speakerId, cancellationToken) >= MaxWindows)
        {
            return [new("", Reasons.TooMany)];
        }

        db.SpeakerAvailabilities.Add(SpeakerAvailability.Create(editionId, speakerId, startsAt, endsAt));
        await db.SaveChangesAsync(cancellationToken);
        return [];
    }

    public async Task RemoveAsync(int editionId, int windowId, CancellationToken cancellationToken = default)
    {
        var window = await db.SpeakerAvailabilities.FirstOrDefaultAsync(a => a.Id == windowId && a.EditionId == editionId, cancellationToken);
        if (window is not null)
        {
            // Tracked, so the audit trail records the window taken away with its times.
            db.SpeakerAvailabilities.Remove(window);
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>Placed, not cancelled sessions of the edition that now fall outside a speaker's windows.</summary>
    public async Task<IReadOnlyList<(int SessionId, string TitleEn, string TitleZh, int SpeakerId)>> ConflictsAsync(int editionId, CancellationToken cancellationToken = default)
    {
        var windows = await db.SpeakerAvailabilities.AsNoTracking().Where(a => a.EditionId == editionId).ToListAsync(cancellationToken);
        var limited = windows.Select(w => w.SpeakerId).ToHashSet();
        var sessions = await db.Sessions.AsNoTracking()
            .Where(s => s.EditionId == editionId && s.StartsAt != null && !s.IsCancelled)
            .Select(s => new { s.Id, s.TitleEn, s.TitleZh, StartsAt = s.StartsAt!.Value, EndsAt = s.EndsAt!.Value, Speakers = s.Speakers.Select(p => p.SpeakerId).ToList() })
            .ToListAsync(cancellationToken);
        return sessions
            .SelectMany(s => s.Speakers.Where(limited.Contains).Select(speaker => (s, speaker)))
            .Where(x => !windows.Any(w => w.SpeakerId == x.speaker && w.StartsAt <= x.s.StartsAt && x.s.EndsAt <= w.EndsAt))
            .Select(x => (x.s.Id, x.s.TitleEn, x.s.TitleZh, x.speaker))
            .ToList();
    }
}
