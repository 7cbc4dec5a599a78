using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Summit.Core.Scheduling;

namespace Summit.Jobs.Scheduling;

/// <summary>
/// iCalendar for the programme, written with Ical.Net. Each session is one VEVENT whose UID never changes across
/// versions and whose SEQUENCE is the version's count of changes to it, so calendar apps replace the old event
/// instead of adding a second one. Times carry the edition's TZID with its VTIMEZONE; a cancelled session stays in
/// the feed as STATUS:CANCELLED so subscribers see it go.
/// </summary>
public static class ProgrammeCalendar
{
    public const string ContentType = "text/calendar; charset=utf-8";

    /// <summary>
    /// The sessions as events in the edition's zone; <paramref name="removed"/> (taken off the programme, read from the
    /// version before) as cancelled events with the next SEQUENCE, so a calendar that holds them marks them cancelled.
    /// </summary>
    public static string Write(IEnumerable<(Programme Programme, ProgrammeSession Session)> sessions, string calendarName, bool chinese, Uri publicBase, IEnumerable<(Programme Programme, ProgrammeSession Session)>? removed = null)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        ArgumentNullException.ThrowIfNull(publicBase);
        var calendar = NewCalendar();
        calendar.AddProperty("X-WR-CALNAME", calendarName);
        calendar.AddProperty("NAME", calendarName);
        var zones = new HashSet<string>(StringComparer.Ordinal);
        foreach (var ((programme, session), gone) in sessions.Select(s => (s, false)).Concat((removed ?? []).Select(s => (s, true))))
        {
            var zoneId = programme.Edition.TimeZoneId;
            if (zones.Add(zoneId))
            {
                // Ical.Net builds the zone's rules from this date up to now, so it must not lie in the future (an edition
                // planned for next year); a year before the earlier of the two covers the edition either way.
                var earliest = programme.Edition.StartDate.ToDateTime(TimeOnly.MinValue);
                var today = DateTime.UtcNow.Date;
                calendar.AddTimeZone(VTimeZone.FromDateTimeZone(zoneId, (earliest < today ? earliest : today).AddYears(-1), includeHistoricalData: false));
            }

            var calendarEvent = Event(programme, session, chinese, publicBase);
            if (gone)
            {
                calendarEvent.Status = EventStatus.Cancelled;
                calendarEvent.Sequence = session.Published.Sequence + 1;
            }

            calendar.Events.Add(calendarEvent);
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    /// <summary>The edition itself as one all-day event (its days, venue and city): attached to a confirmed registration.</summary>
    public static string WriteEdition(Core.Editions.Edition edition, bool chinese, Uri link)
    {
        ArgumentNullException.ThrowIfNull(edition);
        ArgumentNullException.ThrowIfNull(link);
        var calendar = NewCalendar();
        calendar.Events.Add(new CalendarEvent
        {
            Uid = $"edition-{edition.Id}@summit.cci-fs",
            Summary = edition.Name(chinese),
            Location = edition.Place(chinese),
            Description = link.AbsoluteUri,
            Url = link,
            DtStart = new CalDateTime(edition.StartDate),
            // DTEND of an all-day event is exclusive: the day after the last.
            DtEnd = new CalDateTime(edition.EndDate.AddDays(1)),
            DtStamp = new CalDateTime(edition.UpdatedAt.UtcDateTime, "UTC"),
        });
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    /// <summary>
    /// Every calendar Summit writes is published information, not an invitation to reply to: METHOD:PUBLISH in the file,
    /// as the <c>method=PUBLISH</c> of an email attachment's MIME type says (RFC 6047, section 2.4), and as feeds carry it.
    /// </summary>
    private static Calendar NewCalendar() => new() { ProductId = "-//CCI-FS//Summit//EN", Method = "PUBLISH" };

    private static CalendarEvent Event(Programme programme, ProgrammeSession session, bool chinese, Uri publicBase)
    {
        var zone = programme.Zone;
        var zoneId = programme.Edition.TimeZoneId;
        var p = session.Published;
        var speakers = string.Join(chinese ? "、" : ", ", session.Speakers.Select(s => s.DisplayName(chinese)));
        var description = string.Join("\n\n", new[] { speakers, RichText.ToPlainText(p.Abstract(chinese)), p.Title(!chinese) }.Where(t => !string.IsNullOrWhiteSpace(t)));
        var url = new Uri(publicBase, $"/{programme.Edition.Slug}/sessions/{session.Id}");
        var calendarEvent = new CalendarEvent
        {
            Uid = $"{p.Uid:D}@summit.cci-fs",
            Sequence = p.Sequence,
            Summary = p.Title(chinese),
            Description = description + "\n\n" + url,
            Location = $"{session.Room.Name(chinese)}, {session.Room.Venue(chinese)}",
            Url = url,
            DtStart = new CalDateTime(TimeZoneInfo.ConvertTime(p.StartsAt, zone).DateTime, zoneId),
            DtEnd = new CalDateTime(TimeZoneInfo.ConvertTime(p.EndsAt, zone).DateTime, zoneId),
            LastModified = new CalDateTime(p.LastModified.UtcDateTime, "UTC"),
            DtStamp = new CalDateTime(p.LastModified.UtcDateTime, "UTC"),
            Status = p.IsCancelled ? EventStatus.Cancelled : EventStatus.Confirmed,
        };
        if (session.Track is { } track)
        {
            calendarEvent.Categories = [track.Name(chinese)];
        }

        return calendarEvent;
    }
}
