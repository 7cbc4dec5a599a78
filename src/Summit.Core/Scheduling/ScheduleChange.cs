namespace Summit.Core.Scheduling;

public enum ScheduleChangeKind
{
    Added,
    Moved,
    Cancelled,
    Reinstated,
    Removed,
    SpeakersChanged,
    DetailsChanged,
}

/// <summary>One line of a version's changelog: what happened to one session, with the old and new place and time.</summary>
public sealed class ScheduleChange
{
    private ScheduleChange()
    {
    }

    public int Id { get; private set; }

    public int VersionId { get; private set; }

    public int SessionId { get; private set; }

    public ScheduleChangeKind Kind { get; private set; }

    public string TitleEn { get; private set; } = "";

    public string TitleZh { get; private set; } = "";

    public int? OldRoomId { get; private set; }

    public DateTimeOffset? OldStartsAt { get; private set; }

    public DateTimeOffset? OldEndsAt { get; private set; }

    public int? NewRoomId { get; private set; }

    public DateTimeOffset? NewStartsAt { get; private set; }

    public DateTimeOffset? NewEndsAt { get; private set; }

    /// <summary>Speaker ids before and after, comma-separated in order, for "speakers changed".</summary>
    public string? SpeakersBefore { get; private set; }

    public string? SpeakersAfter { get; private set; }

    public string Title(bool chinese) => chinese ? TitleZh : TitleEn;

    public IReadOnlyList<int> SpeakerIdsBefore => Ids(SpeakersBefore);

    public IReadOnlyList<int> SpeakerIdsAfter => Ids(SpeakersAfter);

    internal static ScheduleChange From(ScheduleDiffEntry entry) => new()
    {
        SessionId = entry.SessionId,
        Kind = entry.Kind,
        TitleEn = entry.TitleEn,
        TitleZh = entry.TitleZh,
        OldRoomId = entry.Before?.RoomId,
        OldStartsAt = entry.Before?.StartsAt,
        OldEndsAt = entry.Before?.EndsAt,
        NewRoomId = entry.After?.RoomId,
        NewStartsAt = entry.After?.StartsAt,
        NewEndsAt = entry.After?.EndsAt,
        SpeakersBefore = entry.Kind == ScheduleChangeKind.SpeakersChanged ? Join(entry.Before) : null,
        SpeakersAfter = entry.Kind == ScheduleChangeKind.SpeakersChanged ? Join(entry.After) : null,
    };

    /// <summary>Points the "speakers changed" line at the speaker a duplicate was merged into.</summary>
    internal void ReplaceSpeaker(int from, int to)
    {
        SpeakersBefore = Replace(SpeakersBefore);
        SpeakersAfter = Replace(SpeakersAfter);

        string? Replace(string? joined) =>
            joined is null ? null : string.Join(',', Ids(joined).Select(id => id == from ? to : id).Distinct().Select(id => id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    private static string? Join(SessionSnapshot? snapshot) =>
        snapshot is null ? null : string.Join(',', snapshot.Speakers.Select(s => s.SpeakerId.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    private static int[] Ids(string? joined) =>
        string.IsNullOrEmpty(joined) ? [] : joined.Split(',').Select(id => int.Parse(id, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
}
