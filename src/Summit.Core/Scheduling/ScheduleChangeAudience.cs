using Microsoft.EntityFrameworkCore;
using Summit.Core.Data;
using Summit.Core.Registrations;
using Summit.Core.Speakers;

namespace Summit.Core.Scheduling;

/// <summary>Someone a published version's changes concern, with the changed sessions that concern them.</summary>
public sealed record DigestRecipient(string Email, string Name, string Culture, IReadOnlyList<int> SessionIds);

/// <summary>
/// Who hears about a new programme version: attendees who starred or hold a seat (or a place in line) at a session
/// that moved, was cancelled, reinstated or removed; and the speakers of sessions that changed for them (the same,
/// plus sessions they were added to or taken off). One entry per address, however many roles and sessions it has.
/// Changes to wording alone (a title, an abstract) are not news for anyone's diary.
/// </summary>
public sealed class ScheduleChangeAudience(SummitDbContext db)
{
    private static readonly ScheduleChangeKind[] ForAttendees = [ScheduleChangeKind.Moved, ScheduleChangeKind.Cancelled, ScheduleChangeKind.Reinstated, ScheduleChangeKind.Removed];

    private static readonly ScheduleChangeKind[] ForSpeakers = [.. ForAttendees, ScheduleChangeKind.Added, ScheduleChangeKind.SpeakersChanged];

    public async Task<IReadOnlyList<DigestRecipient>> ForVersionAsync(int versionId, CancellationToken cancellationToken = default)
    {
        var version = await db.ScheduleVersions.AsNoTracking().Where(v => v.Id == versionId).Select(v => new { v.EditionId, v.Number }).FirstOrDefaultAsync(cancellationToken);
        if (version is null)
        {
            return [];
        }

        var changes = await db.ScheduleChanges.AsNoTracking().Where(c => c.VersionId == versionId && ForSpeakers.Contains(c.Kind)).ToListAsync(cancellationToken);
        if (changes.Count == 0)
        {
            return [];
        }

        var byAddress = new Dictionary<string, (string Email, string Name, string Culture, SortedSet<int> Sessions)>(StringComparer.Ordinal);
        void Add(string? email, string name, string culture, int sessionId)
        {
            if (string.IsNullOrWhiteSpace(email))
            {
                return;
            }

            var key = email.Trim().ToLowerInvariant();
            if (!byAddress.TryGetValue(key, out var entry))
            {
                entry = (email.Trim(), name, culture, []);
                byAddress[key] = entry;
            }

            entry.Sessions.Add(sessionId);
        }

        // Registrations first: the language a person chose for emails about their registration is the surest.
        var attendeeSessions = changes.Where(c => ForAttendees.Contains(c.Kind)).Select(c => c.SessionId).Distinct().ToList();
        var seated = await db.SessionSignups.AsNoTracking()
            .Where(s => attendeeSessions.Contains(s.SessionId))
            .Join(db.Registrations.Where(r => r.ErasedAt == null && r.Status == RegistrationStatus.Confirmed), s => s.RegistrationId, r => r.Id, (s, r) => new { s.SessionId, Registration = r })
            .ToListAsync(cancellationToken);
        foreach (var s in seated)
        {
            Add(s.Registration.Email, s.Registration.DisplayName(Cultures.IsChinese(s.Registration.PreferredCulture)), s.Registration.PreferredCulture, s.SessionId);
        }

        var starred = await db.AgendaStars.AsNoTracking()
            .Where(a => attendeeSessions.Contains(a.SessionId))
            .Join(db.Users.Where(u => u.EmailConfirmed), a => a.UserId, u => u.Id, (a, u) => new { a.SessionId, u.Email, u.DisplayName, u.PreferredCulture })
            .ToListAsync(cancellationToken);
        foreach (var s in starred)
        {
            Add(s.Email, s.DisplayName, s.PreferredCulture, s.SessionId);
        }

        // Speakers on the session before or after the change: taken off, added, moved along with it.
        var previous = await db.ScheduleVersions.AsNoTracking().Where(v => v.EditionId == version.EditionId && v.Number == version.Number - 1).Select(v => (int?)v.Id).FirstOrDefaultAsync(cancellationToken);
        var speakerSessions = changes.Select(c => c.SessionId).Distinct().ToList();
        var onStage = await db.PublishedSessions.AsNoTracking()
            .Where(p => (p.VersionId == versionId || p.VersionId == previous) && speakerSessions.Contains(p.SessionId))
            .SelectMany(p => p.Speakers, (p, s) => new { p.SessionId, s.SpeakerId })
            .ToListAsync(cancellationToken);
        var pairs = onStage.Select(p => (p.SessionId, p.SpeakerId))
            .Concat(changes.SelectMany(c => c.SpeakerIdsBefore.Concat(c.SpeakerIdsAfter).Select(id => (c.SessionId, SpeakerId: id))))
            .ToHashSet();
        var speakerIds = pairs.Select(p => p.SpeakerId).Distinct().ToList();
        var speakers = await db.Speakers.AsNoTracking()
            .Where(s => speakerIds.Contains(s.Id))
            .Select(s => new { s.Id, s.FamilyNameZh, s.GivenNameZh, s.FamilyNameLatin, s.GivenNameLatin, s.LatinFamilyNameFirst, s.ContactEmail, s.UserId, s.CountryCode })
            .ToDictionaryAsync(s => s.Id, cancellationToken);
        var accountIds = speakers.Values.Where(s => s.UserId != null).Select(s => s.UserId!).ToList();
        var accounts = await db.Users.AsNoTracking().Where(u => accountIds.Contains(u.Id) && u.EmailConfirmed)
            .Select(u => new { u.Id, u.Email, u.PreferredCulture })
            .ToDictionaryAsync(u => u.Id, cancellationToken);
        foreach (var (sessionId, speakerId) in pairs.OrderBy(p => p.SessionId))
        {
            if (!speakers.TryGetValue(speakerId, out var speaker))
            {
                continue;
            }

            var account = speaker.UserId is { } userId ? accounts.GetValueOrDefault(userId) : null;
            var culture = SpeakerNames.Culture(
                account?.PreferredCulture,
                SpeakerNames.Chinese(speaker.FamilyNameZh, speaker.GivenNameZh),
                SpeakerNames.Latin(speaker.FamilyNameLatin, speaker.GivenNameLatin, speaker.LatinFamilyNameFirst),
                speaker.CountryCode);
            var name = SpeakerNames.Display(speaker.FamilyNameZh, speaker.GivenNameZh, speaker.FamilyNameLatin, speaker.GivenNameLatin, speaker.LatinFamilyNameFirst, Cultures.IsChinese(culture));
            Add(speaker.ContactEmail ?? account?.Email, name, culture, sessionId);
        }

        return byAddress.Values.OrderBy(e => e.Email, StringComparer.Ordinal)
            .Select(e => new DigestRecipient(e.Email, e.Name, e.Culture, [.. e.Sessions]))
            .ToList();
    }
}
