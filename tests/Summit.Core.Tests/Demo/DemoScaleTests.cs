using Summit.Core.Demo;

namespace Summit.Core.Tests.Demo;

public class DemoScaleTests
{
    [Theory]
    [InlineData(1, 4)]
    [InlineData(10, 4)]
    [InlineData(11, 5)]
    [InlineData(20, 8)]
    [InlineData(50, 20)]
    public void The_size_test_takes_four_days_until_its_sessions_need_more_slots_than_twelve_rooms_have(int tenths, int days)
    {
        var sessions = DemoScale.SessionsPerTenth * tenths;
        Assert.Equal(days, DemoScale.DaysFor(sessions));
        // Every session has a slot of its own in its room, the day ending by 19:00.
        var perDay = (sessions + days - 1) / days;
        Assert.True(perDay <= DemoScale.Rooms * DemoScale.SlotsPerDay, $"{perDay} sessions a day");
        Assert.True(new TimeOnly(8, 30).AddMinutes(45 * ((perDay - 1) / DemoScale.Rooms)).AddMinutes(45) <= new TimeOnly(19, 0));
    }
}
