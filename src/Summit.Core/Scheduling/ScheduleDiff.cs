namespace Summit.Core.Scheduling;

/// <summary>Everything a version freezes about one session; two equal snapshots mean nothing changed.</summary>
public sealed record SessionSnapshot(
    int SessionId,
    Guid Uid,
    string TitleEn,
    string TitleZh,
    string? AbstractEn,
    string? AbstractZh,
    int TypeId,
    int? TrackId,
    SessionLanguage Language,
    bool InterpretationOffered,
    int? SeatLimit,
    int RoomId,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    bool IsCancelled,
    IReadOnlyList<SessionSpeakerDetails> Speakers)
{
    public bool SamePlace(SessionSnapshot other) =>
        RoomId == other.RoomId && StartsAt == other.StartsAt && EndsAt == other.EndsAt;

    public bool SameSpeakers(SessionSnapshot other) => Speakers.SequenceEqual(other.Speakers);

    public bool SameDetails(SessionSnapshot other) =>
        TitleEn == other.TitleEn && TitleZh == other.TitleZh && AbstractEn == other.AbstractEn && AbstractZh == other.AbstractZh
        && TypeId == other.TypeId && TrackId == other.TrackId && Language == other.Language
        && InterpretationOffered == other.InterpretationOffered && SeatLimit == other.SeatLimit;

    public bool SameAs(SessionSnapshot other) =>
        SamePlace(other) && SameSpeakers(other) && SameDetails(other) && IsCancelled == other.IsCancelled;
}

/// <summary>One changelog line as computed, before it is stored.</summary>
public sealed record ScheduleDiffEntry(int SessionId, ScheduleChangeKind Kind, string TitleEn, string TitleZh, SessionSnapshot? Before, SessionSnapshot? After);

/// <summary>
/// The changelog between two versions: added, moved (old → new room and time), cancelled, reinstated, removed from
/// the programme, speakers changed, details changed. A session that moved and changed speakers gets both lines.
/// </summary>
public static class ScheduleDiff
{
    public static IReadOnlyList<ScheduleDiffEntry> Compare(IEnumerable<SessionSnapshot> previous, IEnumerable<SessionSnapshot> next)
    {
        var before = previous.ToDictionary(s => s.SessionId);
        var after = next.ToDictionary(s => s.SessionId);
        var entries = new List<ScheduleDiffEntry>();
        foreach (var (id, now) in after)
        {
            if (!before.TryGetValue(id, out var then))
            {
                entries.Add(Entry(ScheduleChangeKind.Added, null, now));
                continue;
            }

            if (!then.IsCancelled && now.IsCancelled)
            {
                entries.Add(Entry(ScheduleChangeKind.Cancelled, then, now));
                continue;
            }

            if (then.IsCancelled && !now.IsCancelled)
            {
                entries.Add(Entry(ScheduleChangeKind.Reinstated, then, now));
            }
            else if (!then.SamePlace(now))
            {
                entries.Add(Entry(ScheduleChangeKind.Moved, then, now));
            }

            if (!then.SameSpeakers(now))
            {
                entries.Add(Entry(ScheduleChangeKind.SpeakersChanged, then, now));
            }

            if (!then.SameDetails(now))
            {
                entries.Add(Entry(ScheduleChangeKind.DetailsChanged, then, now));
            }
        }

        entries.AddRange(before.Values.Where(then => !after.ContainsKey(then.SessionId) && !then.IsCancelled).Select(then => Entry(ScheduleChangeKind.Removed, then, null)));
        return entries
            .OrderBy(e => (e.After ?? e.Before)!.StartsAt)
            .ThenBy(e => e.SessionId)
            .ThenBy(e => e.Kind)
            .ToList();
    }

    /// <summary>The SEQUENCE a session carries into the next version: one more than before if anything about it changed.</summary>
    public static (int Sequence, bool Changed) NextSequence(SessionSnapshot? previous, int previousSequence, SessionSnapshot next) =>
        previous is null ? (0, true)
        : previous.SameAs(next) ? (previousSequence, false)
        : (previousSequence + 1, true);

    private static ScheduleDiffEntry Entry(ScheduleChangeKind kind, SessionSnapshot? before, SessionSnapshot? after)
    {
        var titled = after ?? before!;
        return new(titled.SessionId, kind, titled.TitleEn, titled.TitleZh, before, after);
    }
}
