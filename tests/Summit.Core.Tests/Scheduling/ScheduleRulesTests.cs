using Summit.Core.Demo;
using Summit.Core.Scheduling;

namespace Summit.Core.Tests.Scheduling;

public sealed class ScheduleRulesTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly DateOnly Day1 = new(2021, 11, 5);

    private static DateTimeOffset At(int hour, int minute = 0, int day = 0) => ScheduleTime.ToUtc(Day1.AddDays(day), new TimeOnly(hour, minute), Shanghai);

    private static ScheduleFacts Facts(IReadOnlyList<PlacedSession>? placed = null, IReadOnlyList<AvailabilityWindow>? availability = null) => new(
        Day1,
        Day1.AddDays(1),
        Shanghai,
        new Dictionary<int, RoomFacts> { [1] = new(1, "Main Hall", 1200), [2] = new(2, "Raffles Room", 80) },
        placed ?? [],
        availability ?? [],
        new Dictionary<int, string> { [10] = "Zeng Gang", [11] = "Ravi Menon" });

    private static PlacementRequest Request(int room, DateTimeOffset start, DateTimeOffset end, int[]? speakers = null, int? seats = null) =>
        new(99, speakers ?? [], seats, room, start, end);

    [Fact]
    public void A_free_room_at_a_time_inside_the_edition_is_accepted()
    {
        Assert.Empty(ScheduleRules.Check(Request(1, At(9), At(10), [10], 100), Facts()));
    }

    [Fact]
    public void A_room_already_used_in_that_time_is_refused_naming_the_session_and_times()
    {
        var placed = new PlacedSession(5, "Opening ceremony", 1, At(9), At(9, 30), []);

        var refusal = Assert.Single(ScheduleRules.Check(Request(1, At(9, 15), At(10)), Facts([placed])));

        Assert.Equal(ScheduleRules.Reasons.RoomTaken, refusal.Message);
        Assert.Equal(["Main Hall", "Opening ceremony", "2021-11-05 09:00", "09:30 (UTC+08:00 Asia/Shanghai)"], refusal.Arguments);
    }

    [Fact]
    public void Back_to_back_sessions_in_one_room_do_not_clash()
    {
        var placed = new PlacedSession(5, "Opening ceremony", 1, At(9), At(9, 30), [10]);

        Assert.Empty(ScheduleRules.Check(Request(1, At(9, 30), At(10), [10]), Facts([placed])));
    }

    [Fact]
    public void A_speaker_in_another_room_at_the_same_time_is_refused()
    {
        var placed = new PlacedSession(5, "Green bonds", 2, At(10), At(11), [11]);

        var refusal = Assert.Single(ScheduleRules.Check(Request(1, At(10, 30), At(11, 30), [10, 11]), Facts([placed])));

        Assert.Equal(ScheduleRules.Reasons.SpeakerDoubleBooked, refusal.Message);
        Assert.Equal("Ravi Menon", refusal.Arguments[0]);
        Assert.Equal("Raffles Room", refusal.Arguments[2]);
        Assert.Equal(("2021-11-05 10:00", "11:00 (UTC+08:00 Asia/Shanghai)"), (refusal.Arguments[3], refusal.Arguments[4]));
    }

    [Fact]
    public void Moving_a_session_onto_its_own_old_place_is_not_a_clash_with_itself()
    {
        var itself = new PlacedSession(99, "Keynote", 1, At(10), At(11), [10]);

        Assert.Empty(ScheduleRules.Check(Request(1, At(10, 30), At(11, 30), [10]), Facts([itself])));
    }

    [Fact]
    public void A_speaker_outside_their_availability_is_refused()
    {
        var windows = new[] { new AvailabilityWindow(10, At(14), At(18)) };

        var refusal = Assert.Single(ScheduleRules.Check(Request(1, At(9), At(10), [10]), Facts(availability: windows)));

        Assert.Equal(ScheduleRules.Reasons.SpeakerUnavailable, refusal.Message);
        Assert.Equal(["Zeng Gang", "2021-11-05 14:00–18:00 (UTC+08:00 Asia/Shanghai)"], refusal.Arguments);
        Assert.Empty(ScheduleRules.Check(Request(1, At(15), At(16), [10]), Facts(availability: windows)));
    }

    [Theory]
    [InlineData(-1, 23, 0)]
    [InlineData(2, 9, 0)]
    public void A_time_outside_the_edition_days_is_refused(int day, int hour, int minute)
    {
        var start = At(hour, minute, day);

        var refusal = Assert.Single(ScheduleRules.Check(Request(1, start, start.AddMinutes(30)), Facts()));

        Assert.Equal(ScheduleRules.Reasons.OutsideEdition, refusal.Message);
        Assert.Equal(["2021-11-05", "2021-11-06", "Asia/Shanghai"], refusal.Arguments);
    }

    [Fact]
    public void The_last_minute_of_the_last_day_in_the_edition_zone_is_inside()
    {
        Assert.Empty(ScheduleRules.Check(Request(1, At(23, 0, 1), At(0, 0, 2)), Facts()));
    }

    [Fact]
    public void An_end_before_the_start_is_refused_and_no_clash_is_reported_for_it()
    {
        var placed = new PlacedSession(5, "Opening ceremony", 1, At(9), At(12), []);

        var refusal = Assert.Single(ScheduleRules.Check(Request(1, At(11), At(10)), Facts([placed])));

        Assert.Equal(ScheduleRules.Reasons.EndBeforeStart, refusal.Message);
    }

    [Fact]
    public void A_seat_limit_above_the_room_capacity_is_refused()
    {
        var refusal = Assert.Single(ScheduleRules.Check(Request(2, At(9), At(10), seats: 81), Facts()));

        Assert.Equal(ScheduleRules.Reasons.SeatLimitAboveCapacity, refusal.Message);
        Assert.Equal(["81", "Raffles Room", "80"], refusal.Arguments);
        Assert.Empty(ScheduleRules.Check(Request(2, At(9), At(10), seats: 80), Facts()));
    }

    [Fact]
    public void A_session_longer_than_a_day_is_refused()
    {
        var refusal = Assert.Single(ScheduleRules.Check(Request(1, At(0), At(1, 0, 1)), Facts()));

        Assert.Equal(ScheduleRules.Reasons.TooLong, refusal.Message);
    }

    [Fact]
    public void Wall_clock_times_convert_even_where_the_zone_once_had_an_offset_in_seconds()
    {
        // Shanghai was UTC+08:05:43 before 1901; a DateTimeOffset takes whole minutes only.
        var converted = ScheduleTime.ToUtc(new DateOnly(1900, 1, 1), new TimeOnly(9, 0), Shanghai);

        Assert.Equal((new DateTime(1900, 1, 1), 0, TimeSpan.Zero), (converted.Date, converted.Hour, converted.Offset));
        Assert.InRange(converted.Minute, 54, 55);
        Assert.Equal(new DateTimeOffset(2021, 11, 5, 1, 30, 0, TimeSpan.Zero), ScheduleTime.ToUtc(Day1, new TimeOnly(9, 30), Shanghai));
    }

    [Fact]
    public void A_room_of_another_edition_is_refused()
    {
        var refusal = Assert.Single(ScheduleRules.Check(Request(7, At(9), At(10)), Facts()));

        Assert.Equal(ScheduleRules.Reasons.UnknownRoom, refusal.Message);
    }

    [Fact]
    public void Every_session_of_the_demo_programme_passes_the_rules()
    {
        var edition = DemoContent.Edition2021;
        var items = DemoProgramme.Items(32);
        var placed = items.Select((item, i) => new PlacedSession(
            i,
            item.TitleEn,
            item.RoomIndex,
            DemoProgramme.At(edition, item.Day, item.Start),
            DemoProgramme.At(edition, item.Day, item.Start).AddMinutes(item.Minutes),
            item.Speakers.Select(s => s.SpeakerIndex).ToList())).ToList();
        var facts = new ScheduleFacts(
            edition.StartDate,
            edition.EndDate,
            Shanghai,
            DemoProgramme.Rooms.Select((r, i) => new RoomFacts(i, r.En, r.Capacity)).ToDictionary(r => r.Id),
            placed,
            [],
            Enumerable.Range(0, 32).ToDictionary(i => i, i => $"speaker {i}"));

        Assert.True(items.Count >= 60);
        Assert.True(items.Select(i => i.RoomIndex).Distinct().Count() >= 6);
        foreach (var session in placed)
        {
            Assert.Empty(ScheduleRules.Check(new PlacementRequest(session.Id, session.SpeakerIds, null, session.RoomId, session.StartsAt, session.EndsAt), facts));
        }
    }
}
