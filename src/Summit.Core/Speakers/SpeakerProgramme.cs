using Microsoft.EntityFrameworkCore;
using Summit.Core.Data;
using Summit.Core.Scheduling;

namespace Summit.Core.Speakers;

/// <summary>Someone else on one of a speaker's sessions, with their role there.</summary>
public sealed record SpeakerProgrammeColleague(string Slug, string NameEn, string NameZh, SessionSpeakerRole Role)
{
    public string Name(bool chinese) => chinese ? NameZh : NameEn;
}

/// <summary>
/// One of a speaker's sessions as they should know it. Announced sessions read as the public programme has them
/// (time, room, cancelled); a session the organizers have not published yet shows its working title and the
/// speaker's role only, since its time and room may still move.
/// </summary>
public sealed record SpeakerProgrammeSession(
    int SessionId,
    string TitleEn,
    string TitleZh,
    SessionSpeakerRole Role,
    bool Announced,
    DateTimeOffset? StartsAt,
    DateTimeOffset? EndsAt,
    string? RoomEn,
    string? RoomZh,
    SessionLanguage Language,
    bool InterpretationOffered,
    string? InterpretationChannels,
    bool Cancelled,
    IReadOnlyList<SpeakerProgrammeColleague> Others)
{
    public string Title(bool chinese) => chinese ? TitleZh : TitleEn;

    public string? Room(bool chinese) => chinese ? RoomZh ?? RoomEn : RoomEn ?? RoomZh;
}

/// <summary>A speaker's sessions at one edition, with the zone its times are given in.</summary>
public sealed record SpeakerProgrammeEdition(string Slug, string NameEn, string NameZh, string TimeZoneId, DateOnly StartDate, IReadOnlyList<SpeakerProgrammeSession> Sessions)
{
    public string Name(bool chinese) => chinese ? NameZh : NameEn;
}

/// <summary>
/// "My sessions" for a speaker's own page: every edition the speaker is on (newest first), each with the sessions
/// they speak at, announced ones in time order, then those still in preparation. Six statements, whatever the count.
/// </summary>
public sealed class SpeakerProgramme(SummitDbContext db)
{
    public async Task<IReadOnlyList<SpeakerProgrammeEdition>> ForAsync(int speakerId, CancellationToken cancellationToken = default)
    {
        var working = await db.Sessions.AsNoTracking()
            .Where(s => s.Speakers.Any(x => x.SpeakerId == speakerId))
            .ToListAsync(cancellationToken);
        var published = await (
                from p in db.PublishedSessions.AsNoTracking()
                join version in db.ScheduleVersions on p.VersionId equals version.Id
                where version.Number == db.ScheduleVersions.Where(v => v.EditionId == version.EditionId).Max(v => v.Number)
                      && p.Speakers.Any(x => x.SpeakerId == speakerId)
                select new { version.EditionId, Session = p })
            .ToListAsync(cancellationToken);

        var editionIds = working.Select(s => s.EditionId).Concat(published.Select(p => p.EditionId)).ToHashSet();
        var listed = await db.Speakers.Where(s => s.Id == speakerId).SelectMany(s => s.Editions.Select(se => se.EditionId)).ToListAsync(cancellationToken);
        editionIds.UnionWith(listed);
        var editions = await db.Editions.AsNoTracking().Where(e => editionIds.Contains(e.Id))
            .Select(e => new { e.Id, e.Slug, e.NameEn, e.NameZh, e.TimeZoneId, e.StartDate })
            .ToListAsync(cancellationToken);

        var roomIds = published.Select(p => p.Session.RoomId).ToHashSet();
        var rooms = await db.Rooms.AsNoTracking().Where(r => roomIds.Contains(r.Id))
            .Select(r => new { r.Id, r.NameEn, r.NameZh, r.InterpretationChannels })
            .ToDictionaryAsync(r => r.Id, cancellationToken);

        var colleagueIds = working.SelectMany(s => s.Speakers.Select(x => x.SpeakerId))
            .Concat(published.SelectMany(p => p.Session.Speakers.Select(x => x.SpeakerId)))
            .Where(id => id != speakerId).ToHashSet();
        var colleagues = await db.Speakers.AsNoTracking().Where(s => colleagueIds.Contains(s.Id))
            .Select(s => new { s.Id, s.Slug, s.FamilyNameZh, s.GivenNameZh, s.FamilyNameLatin, s.GivenNameLatin, s.LatinFamilyNameFirst })
            .ToDictionaryAsync(s => s.Id, cancellationToken);

        IReadOnlyList<SpeakerProgrammeColleague> Others(IEnumerable<(int SpeakerId, SessionSpeakerRole Role)> people) =>
            [.. people.Where(p => p.SpeakerId != speakerId && colleagues.ContainsKey(p.SpeakerId)).Select(p =>
            {
                var c = colleagues[p.SpeakerId];
                return new SpeakerProgrammeColleague(
                    c.Slug,
                    SpeakerNames.Display(c.FamilyNameZh, c.GivenNameZh, c.FamilyNameLatin, c.GivenNameLatin, c.LatinFamilyNameFirst, chinese: false),
                    SpeakerNames.Display(c.FamilyNameZh, c.GivenNameZh, c.FamilyNameLatin, c.GivenNameLatin, c.LatinFamilyNameFirst, chinese: true),
                    p.Role);
            })];

        return [.. editions.OrderByDescending(e => e.StartDate).Select(e =>
        {
            var announced = published.Where(p => p.EditionId == e.Id).Select(p => p.Session).ToList();
            var announcedIds = announced.Select(p => p.SessionId).ToHashSet();
            var sessions = announced
                .OrderBy(p => p.StartsAt).ThenBy(p => p.TitleEn, StringComparer.Ordinal)
                .Select(p =>
                {
                    var room = rooms.GetValueOrDefault(p.RoomId);
                    return new SpeakerProgrammeSession(
                        p.SessionId, p.TitleEn, p.TitleZh, p.Speakers.First(x => x.SpeakerId == speakerId).Role, Announced: true,
                        p.StartsAt, p.EndsAt, room?.NameEn, room?.NameZh, p.Language, p.InterpretationOffered, room?.InterpretationChannels, p.IsCancelled,
                        Others(p.Speakers.Select(x => (x.SpeakerId, x.Role))));
                })
                .Concat(working
                    .Where(s => s.EditionId == e.Id && !announcedIds.Contains(s.Id) && !s.IsCancelled)
                    .OrderBy(s => s.TitleEn, StringComparer.Ordinal)
                    .Select(s => new SpeakerProgrammeSession(
                        s.Id, s.TitleEn, s.TitleZh, s.Speakers.First(x => x.SpeakerId == speakerId).Role, Announced: false,
                        null, null, null, null, s.Language, s.InterpretationOffered, null, s.IsCancelled,
                        Others(s.Speakers.Select(x => (x.SpeakerId, x.Role))))))
                .ToList();
            return new SpeakerProgrammeEdition(e.Slug, e.NameEn, e.NameZh, e.TimeZoneId, e.StartDate, sessions);
        })];
    }
}
