using Microsoft.EntityFrameworkCore;
using Summit.Core.Data;
using Summit.Core.Editions;
using Summit.Core.Speakers;

namespace Summit.Core.Scheduling;

public sealed record ProgrammeVersion(int Id, int Number, string Name, DateTimeOffset PublishedAt);

public sealed record ProgrammeRoom(int Id, string NameEn, string NameZh, int? Capacity, SessionLanguage FloorLanguage, string? InterpretationChannels, int Order, string VenueEn, string VenueZh)
{
    public string Name(bool chinese) => chinese ? NameZh : NameEn;

    public string Venue(bool chinese) => chinese ? VenueZh : VenueEn;
}

public sealed record ProgrammeTrack(int Id, string NameEn, string NameZh, string Colour, int Order)
{
    public string Name(bool chinese) => chinese ? NameZh : NameEn;
}

public sealed record ProgrammeType(int Id, string NameEn, string NameZh, bool IsBreak, int Order)
{
    public string Name(bool chinese) => chinese ? NameZh : NameEn;
}

public sealed record ProgrammeSpeaker(int Id, string Slug, string? NameZh, string? NameLatin, SessionSpeakerRole Role, string? PositionEn, string? PositionZh, string? PhotoKey)
{
    public string DisplayName(bool chinese) => SpeakerNames.Display(NameZh, NameLatin, chinese);

    public string? SecondaryName(bool chinese) => SpeakerNames.Secondary(NameZh, NameLatin, chinese);

    public string? Position(bool chinese) => chinese ? PositionZh ?? PositionEn : PositionEn ?? PositionZh;
}

/// <summary>A published session with its room, track, type and speakers resolved.</summary>
public sealed record ProgrammeSession(PublishedSession Published, ProgrammeRoom Room, ProgrammeTrack? Track, ProgrammeType Type, IReadOnlyList<ProgrammeSpeaker> Speakers)
{
    public int Id => Published.SessionId;

    public DateTimeOffset StartsAt => Published.StartsAt;

    public DateTimeOffset EndsAt => Published.EndsAt;

    public bool IsCancelled => Published.IsCancelled;

    public string Title(bool chinese) => Published.Title(chinese);
}

/// <summary>The latest published programme of an edition, as the public, the exports and the printed programme see it.</summary>
public sealed record Programme(Edition Edition, ProgrammeVersion? Version, IReadOnlyList<ProgrammeRoom> Rooms, IReadOnlyList<ProgrammeTrack> Tracks, IReadOnlyList<ProgrammeType> Types, IReadOnlyList<ProgrammeSession> Sessions)
{
    public TimeZoneInfo Zone => Edition.TimeZone;

    /// <summary>The edition's days, each with its sessions in start order.</summary>
    public IReadOnlyList<DateOnly> Days
    {
        get
        {
            var days = new List<DateOnly>();
            for (var day = Edition.StartDate; day <= Edition.EndDate; day = day.AddDays(1))
            {
                days.Add(day);
            }

            return days;
        }
    }

    public IEnumerable<ProgrammeSession> On(DateOnly day) =>
        Sessions.Where(s => ScheduleTime.Day(s.StartsAt, Zone) == day).OrderBy(s => s.StartsAt).ThenBy(s => s.Room.Order);
}

/// <summary>
/// Reads a whole published programme in a fixed number of queries (edition, version, sessions, their speakers,
/// rooms, tracks, types, speaker names), whatever its size, so the schedule page and the exports cost the same
/// for twenty sessions or five hundred.
/// </summary>
public sealed class ProgrammeReader(SummitDbContext db)
{
    /// <summary>Null when there is no public edition with this slug; a programme without a version when nothing is published yet.</summary>
    public async Task<Programme?> LatestAsync(string editionSlug, CancellationToken cancellationToken = default)
    {
        var slug = editionSlug.ToLowerInvariant();
        var edition = await db.Editions.AsNoTracking().Public().WithSlug(slug).FirstOrDefaultAsync(cancellationToken);
        if (edition is null)
        {
            return null;
        }

        var version = await db.ScheduleVersions.AsNoTracking()
            .Where(v => v.EditionId == edition.Id)
            .OrderByDescending(v => v.Number)
            .Select(v => new ProgrammeVersion(v.Id, v.Number, v.Name, v.PublishedAt))
            .FirstOrDefaultAsync(cancellationToken);
        if (version is null)
        {
            return new Programme(edition, null, [], [], [], []);
        }

        var published = await db.PublishedSessions.AsNoTracking()
            .Where(s => s.VersionId == version.Id)
            .Include(s => s.Speakers)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);

        // The version's speakers, through a subquery rather than a list of ids, so the statement is the same for any count.
        var speakerIds = db.PublishedSessions.Where(s => s.VersionId == version.Id).SelectMany(s => s.Speakers).Select(s => s.SpeakerId);
        return await BuildAsync(edition, version, published, speakerIds, cancellationToken);
    }

    /// <summary>One published version of an edition's programme, as it was (for the emails about that version).</summary>
    public async Task<Programme?> VersionAsync(int versionId, CancellationToken cancellationToken = default)
    {
        var version = await db.ScheduleVersions.AsNoTracking().Where(v => v.Id == versionId)
            .Select(v => new { v.EditionId, Version = new ProgrammeVersion(v.Id, v.Number, v.Name, v.PublishedAt) })
            .FirstOrDefaultAsync(cancellationToken);
        var edition = version is null ? null : await db.Editions.AsNoTracking().FirstOrDefaultAsync(e => e.Id == version.EditionId, cancellationToken);
        if (version is null || edition is null)
        {
            return null;
        }

        var published = await db.PublishedSessions.AsNoTracking()
            .Where(s => s.VersionId == versionId)
            .Include(s => s.Speakers)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        var speakerIds = db.PublishedSessions.Where(s => s.VersionId == versionId).SelectMany(s => s.Speakers).Select(s => s.SpeakerId);
        return await BuildAsync(edition, version.Version, published, speakerIds, cancellationToken);
    }

    /// <summary>
    /// The organizers' working copy laid out like a published programme (for the editor's grid), with the sessions
    /// not yet placed. Draft editions included; an unknown slug gives null.
    /// </summary>
    public async Task<(Programme Programme, IReadOnlyList<Session> Unscheduled)?> WorkingCopyAsync(string editionSlug, CancellationToken cancellationToken = default)
    {
        var slug = editionSlug.ToLowerInvariant();
        var edition = await db.Editions.AsNoTracking().WithSlug(slug).FirstOrDefaultAsync(cancellationToken);
        if (edition is null)
        {
            return null;
        }

        var working = await db.Sessions.AsNoTracking().Where(s => s.EditionId == edition.Id).Include(s => s.Speakers).ToListAsync(cancellationToken);
        var placed = working.Where(s => s.IsScheduled)
            .Select(s => PublishedSession.From(PublishSchedule.Snapshot(s, s.RoomId!.Value, s.StartsAt!.Value, s.EndsAt!.Value), 0, s.UpdatedAt))
            .ToList();
        var speakerIds = db.Sessions.Where(s => s.EditionId == edition.Id).SelectMany(s => s.Speakers).Select(s => s.SpeakerId);
        var programme = await BuildAsync(edition, null, placed, speakerIds, cancellationToken);
        return (programme, working.Where(s => !s.IsScheduled).OrderBy(s => s.TitleEn).ToList());
    }

    private async Task<Programme> BuildAsync(Edition edition, ProgrammeVersion? version, List<PublishedSession> published, IQueryable<int> speakerIds, CancellationToken cancellationToken)
    {
        var rooms = await db.Rooms.AsNoTracking().Where(r => r.EditionId == edition.Id).OrderBy(r => r.Order).ThenBy(r => r.Id)
            .Select(r => new ProgrammeRoom(r.Id, r.NameEn, r.NameZh, r.Capacity, r.FloorLanguage, r.InterpretationChannels, r.Order, r.Venue!.NameEn, r.Venue.NameZh))
            .ToListAsync(cancellationToken);
        var tracks = await db.Tracks.AsNoTracking().Where(t => t.EditionId == edition.Id).OrderBy(t => t.Order).ThenBy(t => t.Id)
            .Select(t => new ProgrammeTrack(t.Id, t.NameEn, t.NameZh, t.Colour, t.Order))
            .ToListAsync(cancellationToken);
        var types = await db.SessionTypes.AsNoTracking().Where(t => t.EditionId == edition.Id).OrderBy(t => t.Order).ThenBy(t => t.Id)
            .Select(t => new ProgrammeType(t.Id, t.NameEn, t.NameZh, t.IsBreak, t.Order))
            .ToListAsync(cancellationToken);

        var speakers = await db.Speakers.AsNoTracking()
            .Where(s => speakerIds.Contains(s.Id))
            .Select(s => new
            {
                s.Id,
                s.Slug,
                s.FamilyNameZh,
                s.GivenNameZh,
                s.FamilyNameLatin,
                s.GivenNameLatin,
                s.LatinFamilyNameFirst,
                Position = s.Positions.OrderBy(p => p.Order).Select(p => new { p.TitleEn, p.TitleZh, p.OrganisationEn, p.OrganisationZh }).FirstOrDefault(),
                PhotoKey = db.SpeakerPhotos.Where(p => p.SpeakerId == s.Id && p.Status == PhotoStatus.Approved).Select(p => p.Key).FirstOrDefault(),
            })
            .ToDictionaryAsync(s => s.Id, cancellationToken);

        var roomsById = rooms.ToDictionary(r => r.Id);
        var tracksById = tracks.ToDictionary(t => t.Id);
        var typesById = types.ToDictionary(t => t.Id);
        var sessions = published
            .Where(p => roomsById.ContainsKey(p.RoomId) && typesById.ContainsKey(p.TypeId))
            .Select(p => new ProgrammeSession(
                p,
                roomsById[p.RoomId],
                p.TrackId is int t ? tracksById.GetValueOrDefault(t) : null,
                typesById[p.TypeId],
                p.Speakers.OrderBy(s => s.Order).Where(s => speakers.ContainsKey(s.SpeakerId)).Select(s =>
                {
                    var found = speakers[s.SpeakerId];
                    return new ProgrammeSpeaker(
                        found.Id,
                        found.Slug,
                        SpeakerNames.Chinese(found.FamilyNameZh, found.GivenNameZh),
                        SpeakerNames.Latin(found.FamilyNameLatin, found.GivenNameLatin, found.LatinFamilyNameFirst),
                        s.Role,
                        found.Position is null ? null : SpeakerNames.Position(found.Position.TitleEn, found.Position.TitleZh, found.Position.OrganisationEn, found.Position.OrganisationZh, chinese: false),
                        found.Position is null ? null : SpeakerNames.Position(found.Position.TitleEn, found.Position.TitleZh, found.Position.OrganisationEn, found.Position.OrganisationZh, chinese: true),
                        found.PhotoKey);
                }).ToList()))
            .OrderBy(s => s.StartsAt).ThenBy(s => s.Room.Order)
            .ToList();
        return new Programme(edition, version, rooms, tracks, types, sessions);
    }

    /// <summary>The latest version number of an edition, or 0: one small query that output caching keys on.</summary>
    public async Task<int> LatestNumberAsync(string editionSlug, CancellationToken cancellationToken = default)
    {
        var slug = editionSlug.ToLowerInvariant();
        var number = await db.ScheduleVersions
            .Where(v => db.Editions.Any(e => e.Id == v.EditionId && e.Slug == slug))
            .MaxAsync(v => (int?)v.Number, cancellationToken);
        return number ?? 0;
    }
}
