using Summit.Core.Scheduling;

namespace Summit.Core.Tests.Scheduling;

public sealed class ScheduleDiffTests
{
    private static readonly DateTimeOffset Nine = new(2021, 11, 5, 1, 0, 0, TimeSpan.Zero);

    private static SessionSnapshot Session(int id, int room = 1, int startHour = 0, bool cancelled = false, string title = "Green bonds", params (int Id, SessionSpeakerRole Role)[] speakers) => new(
        id, new Guid(id, 0, 0, new byte[8]), title, "绿色债券", null, null, 1, null, SessionLanguage.English, false, null, room,
        Nine.AddHours(startHour), Nine.AddHours(startHour + 1), cancelled, speakers.Select(s => new SessionSpeakerDetails(s.Id, s.Role)).ToList());

    [Fact]
    public void A_session_that_was_not_in_the_previous_version_is_added()
    {
        var entry = Assert.Single(ScheduleDiff.Compare([Session(1)], [Session(1), Session(2)]));

        Assert.Equal((2, ScheduleChangeKind.Added), (entry.SessionId, entry.Kind));
        Assert.Null(entry.Before);
    }

    [Fact]
    public void A_session_in_another_room_or_time_is_moved_with_old_and_new_place()
    {
        var entry = Assert.Single(ScheduleDiff.Compare([Session(1, room: 1, startHour: 0)], [Session(1, room: 3, startHour: 2)]));

        Assert.Equal(ScheduleChangeKind.Moved, entry.Kind);
        Assert.Equal((1, Nine), (entry.Before!.RoomId, entry.Before.StartsAt));
        Assert.Equal((3, Nine.AddHours(2)), (entry.After!.RoomId, entry.After.StartsAt));
    }

    [Fact]
    public void A_cancelled_session_is_listed_once_as_cancelled_even_if_it_also_moved()
    {
        var entry = Assert.Single(ScheduleDiff.Compare([Session(1)], [Session(1, room: 2, cancelled: true)]));

        Assert.Equal(ScheduleChangeKind.Cancelled, entry.Kind);
    }

    [Fact]
    public void A_speaker_swap_is_a_speaker_change_not_a_move()
    {
        var before = Session(1, speakers: [(10, SessionSpeakerRole.Moderator), (11, SessionSpeakerRole.Panelist)]);
        var after = Session(1, speakers: [(12, SessionSpeakerRole.Moderator), (11, SessionSpeakerRole.Panelist)]);

        var entry = Assert.Single(ScheduleDiff.Compare([before], [after]));

        Assert.Equal(ScheduleChangeKind.SpeakersChanged, entry.Kind);
        var change = ScheduleChange.From(entry);
        Assert.Equal([10, 11], change.SpeakerIdsBefore);
        Assert.Equal([12, 11], change.SpeakerIdsAfter);
    }

    [Fact]
    public void Swapping_roles_between_the_same_speakers_is_a_speaker_change()
    {
        var before = Session(1, speakers: [(10, SessionSpeakerRole.Moderator), (11, SessionSpeakerRole.Panelist)]);
        var after = Session(1, speakers: [(11, SessionSpeakerRole.Moderator), (10, SessionSpeakerRole.Panelist)]);

        Assert.Equal(ScheduleChangeKind.SpeakersChanged, Assert.Single(ScheduleDiff.Compare([before], [after])).Kind);
    }

    [Fact]
    public void A_session_that_moved_and_changed_speakers_gets_both_lines()
    {
        var before = Session(1, speakers: [(10, SessionSpeakerRole.Speaker)]);
        var after = Session(1, startHour: 3, speakers: [(11, SessionSpeakerRole.Speaker)]);

        Assert.Equal([ScheduleChangeKind.Moved, ScheduleChangeKind.SpeakersChanged], ScheduleDiff.Compare([before], [after]).Select(e => e.Kind));
    }

    [Fact]
    public void A_session_taken_off_the_grid_is_removed_and_one_reinstated_is_listed()
    {
        var changes = ScheduleDiff.Compare([Session(1), Session(2, cancelled: true)], [Session(2)]);

        Assert.Equal([(1, ScheduleChangeKind.Removed), (2, ScheduleChangeKind.Reinstated)], changes.Select(e => (e.SessionId, e.Kind)).Order());
    }

    [Fact]
    public void A_new_title_is_a_detail_change()
    {
        Assert.Equal(ScheduleChangeKind.DetailsChanged, Assert.Single(ScheduleDiff.Compare([Session(1)], [Session(1, title: "Green bonds, revisited")])).Kind);
    }

    [Fact]
    public void Nothing_changed_means_no_lines_and_the_same_sequence()
    {
        Assert.Empty(ScheduleDiff.Compare([Session(1)], [Session(1)]));
        Assert.Equal((4, false), ScheduleDiff.NextSequence(Session(1), 4, Session(1)));
    }

    [Fact]
    public void Any_change_raises_the_sequence_by_one_and_a_new_session_starts_at_zero()
    {
        Assert.Equal((5, true), ScheduleDiff.NextSequence(Session(1), 4, Session(1, startHour: 1)));
        Assert.Equal((0, true), ScheduleDiff.NextSequence(null, 0, Session(1)));
    }
}
