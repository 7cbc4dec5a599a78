using System.Globalization;
using Summit.Core.Editions;

namespace Summit.Core.Scheduling;

/// <summary>Where and when an organizer wants a session, with what the rules need to know about the session itself.</summary>
public sealed record PlacementRequest(int SessionId, IReadOnlyCollection<int> SpeakerIds, int? SeatLimit, int RoomId, DateTimeOffset StartsAt, DateTimeOffset EndsAt);

public sealed record RoomFacts(int Id, string Name, int? Capacity);

/// <summary>Another session already in the working copy, taking its room and its speakers for that time.</summary>
public sealed record PlacedSession(int Id, string Title, int RoomId, DateTimeOffset StartsAt, DateTimeOffset EndsAt, IReadOnlyCollection<int> SpeakerIds);

public sealed record AvailabilityWindow(int SpeakerId, DateTimeOffset StartsAt, DateTimeOffset EndsAt);

/// <summary>The edition's days and zone, its rooms, what is already placed, and speakers' availability, in the viewer's language.</summary>
public sealed record ScheduleFacts(
    DateOnly FirstDay,
    DateOnly LastDay,
    TimeZoneInfo Zone,
    IReadOnlyDictionary<int, RoomFacts> Rooms,
    IReadOnlyList<PlacedSession> Placed,
    IReadOnlyList<AvailabilityWindow> Availability,
    IReadOnlyDictionary<int, string> SpeakerNames);

/// <summary>
/// The one place that decides whether a session may stand in a room at a time. Every way of changing a placement
/// (the grid, the form, the API, saving a session's speakers or seat limit, reinstating) asks it, so a clash is
/// refused the same way, with the same reason, wherever it comes from.
/// </summary>
public static class ScheduleRules
{
    /// <summary>Longer is not a session; schedule apps also read durations as at most two hour digits.</summary>
    public static readonly TimeSpan MaxLength = TimeSpan.FromHours(24);

    public static class Reasons
    {
        public const string EndBeforeStart = "The session must end after it starts.";
        public const string OutsideEdition = "Sessions take place between {0} and {1} ({2}); this time is outside the edition's days.";
        public const string UnknownRoom = "Choose one of this edition's rooms.";
        public const string RoomTaken = "{0} is already used by “{1}” from {2} to {3}.";
        public const string SpeakerDoubleBooked = "{0} is already on “{1}” in {2} from {3} to {4}.";
        public const string SpeakerUnavailable = "{0} is not available then; available: {1}.";
        public const string SeatLimitAboveCapacity = "The seat limit ({0}) is above the capacity of {1} ({2} seats).";
        public const string TooLong = "A session lasts at most 24 hours.";
    }

    public static IReadOnlyList<Refusal> Check(PlacementRequest request, ScheduleFacts facts)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(facts);
        var refusals = new List<Refusal>();
        if (request.EndsAt <= request.StartsAt)
        {
            refusals.Add(new("EndsAt", Reasons.EndBeforeStart));
        }
        else if (request.EndsAt - request.StartsAt > MaxLength)
        {
            refusals.Add(new("EndsAt", Reasons.TooLong));
        }

        var (first, last) = EditionBounds(facts);
        if (request.StartsAt < first || request.EndsAt > last)
        {
            refusals.Add(Refusal.With(
                "StartsAt",
                Reasons.OutsideEdition,
                facts.FirstDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                facts.LastDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                facts.Zone.Id));
        }

        if (!facts.Rooms.TryGetValue(request.RoomId, out var room))
        {
            refusals.Add(new("RoomId", Reasons.UnknownRoom));
            return refusals;
        }

        if (refusals.Count > 0)
        {
            // Clash messages about a time that cannot exist would only confuse.
            return refusals;
        }

        foreach (var other in facts.Placed.Where(o => o.Id != request.SessionId && o.RoomId == room.Id && Overlaps(o, request)).OrderBy(o => o.StartsAt))
        {
            refusals.Add(Refusal.With("RoomId", Reasons.RoomTaken, room.Name, other.Title, Time(other.StartsAt, facts), Until(other.StartsAt, other.EndsAt, facts, withZone: true)));
        }

        foreach (var speakerId in request.SpeakerIds.Distinct())
        {
            var name = facts.SpeakerNames.GetValueOrDefault(speakerId, $"#{speakerId}");
            foreach (var other in facts.Placed.Where(o => o.Id != request.SessionId && o.SpeakerIds.Contains(speakerId) && Overlaps(o, request)).OrderBy(o => o.StartsAt))
            {
                var otherRoom = facts.Rooms.TryGetValue(other.RoomId, out var r) ? r.Name : "?";
                refusals.Add(Refusal.With("Speakers", Reasons.SpeakerDoubleBooked, name, other.Title, otherRoom, Time(other.StartsAt, facts), Until(other.StartsAt, other.EndsAt, facts, withZone: true)));
            }

            var windows = facts.Availability.Where(a => a.SpeakerId == speakerId).OrderBy(a => a.StartsAt).ToList();
            if (windows.Count > 0 && !windows.Any(w => w.StartsAt <= request.StartsAt && request.EndsAt <= w.EndsAt))
            {
                refusals.Add(Refusal.With(
                    "Speakers",
                    Reasons.SpeakerUnavailable,
                    name,
                    string.Join("; ", windows.Select(w => $"{Time(w.StartsAt, facts)}–{Until(w.StartsAt, w.EndsAt, facts, withZone: false)}"))
                        + $" ({ScheduleTime.ZoneLabel(facts.Zone, windows[0].StartsAt)})"));
            }
        }

        if (request.SeatLimit is int seats && room.Capacity is int capacity && seats > capacity)
        {
            refusals.Add(Refusal.With(
                "SeatLimit",
                Reasons.SeatLimitAboveCapacity,
                seats.ToString(CultureInfo.InvariantCulture),
                room.Name,
                capacity.ToString(CultureInfo.InvariantCulture)));
        }

        return refusals;
    }

    /// <summary>Midnight of the first day to midnight after the last day, in the edition's zone, as UTC.</summary>
    public static (DateTimeOffset First, DateTimeOffset Last) EditionBounds(ScheduleFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return (ScheduleTime.ToUtc(facts.FirstDay, TimeOnly.MinValue, facts.Zone), ScheduleTime.ToUtc(facts.LastDay.AddDays(1), TimeOnly.MinValue, facts.Zone));
    }

    private static bool Overlaps(PlacedSession other, PlacementRequest request) =>
        other.StartsAt < request.EndsAt && request.StartsAt < other.EndsAt;

    private static string Time(DateTimeOffset utc, ScheduleFacts facts) =>
        TimeZoneInfo.ConvertTime(utc, facts.Zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The end of a span: its time alone on the start's day, the date too otherwise; with the zone's label when asked.</summary>
    private static string Until(DateTimeOffset start, DateTimeOffset end, ScheduleFacts facts, bool withZone)
    {
        var sameDay = ScheduleTime.Day(start, facts.Zone) == ScheduleTime.Day(end, facts.Zone);
        var text = TimeZoneInfo.ConvertTime(end, facts.Zone).ToString(sameDay ? "HH:mm" : "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        return withZone ? $"{text} ({ScheduleTime.ZoneLabel(facts.Zone, end)})" : text;
    }
}

/// <summary>Converting between UTC (stored) and the edition's wall clock (typed and shown).</summary>
public static class ScheduleTime
{
    /// <summary>
    /// The UTC instant of a wall-clock time in a zone; a time skipped by a DST jump moves forward by the gap. Days
    /// outside 2000–2100 are refused by the rules before they get here; historical offsets with seconds (Shanghai
    /// before 1901 was +08:05:43) are rounded to the minute, as a DateTimeOffset requires.
    /// </summary>
    public static DateTimeOffset ToUtc(DateOnly day, TimeOnly time, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15);
        }

        var offset = TimeSpan.FromMinutes(Math.Round(zone.GetUtcOffset(local).TotalMinutes));
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    public static DateTimeOffset Local(DateTimeOffset utc, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(utc, zone);

    public static DateOnly Day(DateTimeOffset utc, TimeZoneInfo zone) => DateOnly.FromDateTime(Local(utc, zone).DateTime);

    /// <summary>"2021-11-05 14:00 (UTC+08:00 Asia/Shanghai)": a moment as organizers, press and attendees read it, on the edition's clock and saying so.</summary>
    public static string WithZone(DateTimeOffset utc, TimeZoneInfo zone) =>
        $"{Local(utc, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} ({ZoneLabel(zone, utc)})";

    /// <summary>"UTC+08:00 Asia/Shanghai": the label every time on a schedule page carries.</summary>
    public static string ZoneLabel(TimeZoneInfo zone, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var offset = zone.GetUtcOffset(at);
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        return $"UTC{sign}{offset.Duration():hh\\:mm} {zone.Id}";
    }
}
