namespace Summit.Core.Scheduling;

/// <summary>
/// A published, frozen programme: v1, v2… The public, the exports and the emails read the latest one; the changelog
/// lists them all. Nothing in a version changes after it is made.
/// </summary>
public sealed class ScheduleVersion
{
    private readonly List<PublishedSession> sessions = [];
    private readonly List<ScheduleChange> changes = [];

    private ScheduleVersion()
    {
    }

    public int Id { get; private set; }

    public int EditionId { get; private set; }

    /// <summary>1, 2, 3…; unique per edition, so two organizers publishing at once cannot both make v3.</summary>
    public int Number { get; private set; }

    /// <summary>"v1"; organizers may add a few words ("v2 – keynote moved").</summary>
    public string Name { get; private set; } = "";

    public DateTimeOffset PublishedAt { get; private set; }

    public string? PublishedBy { get; private set; }

    /// <summary>The edition's <c>ScheduleDraftRevision</c> this version froze; a higher one means unpublished changes.</summary>
    public int DraftRevision { get; private set; }

    public IReadOnlyList<PublishedSession> Sessions => sessions;

    public IReadOnlyList<ScheduleChange> Changes => changes;

    internal static ScheduleVersion Create(int editionId, int number, string? note, DateTimeOffset now, string? publishedBy, int draftRevision) => new()
    {
        DraftRevision = draftRevision,
        EditionId = editionId,
        Number = number,
        Name = string.IsNullOrWhiteSpace(note) ? $"v{number}" : $"v{number} – {note.Trim()}",
        PublishedAt = now,
        PublishedBy = publishedBy,
    };

    internal void Add(PublishedSession session) => sessions.Add(session);

    internal void Add(ScheduleChange change) => changes.Add(change);
}

/// <summary>A session as it stands in one published version, with the iCalendar SEQUENCE it has reached.</summary>
public sealed class PublishedSession
{
    private readonly List<PublishedSessionSpeaker> speakers = [];

    private PublishedSession()
    {
    }

    public int VersionId { get; private set; }

    public int SessionId { get; private set; }

    public Guid Uid { get; private set; }

    public string TitleEn { get; private set; } = "";

    public string TitleZh { get; private set; } = "";

    public string? AbstractEn { get; private set; }

    public string? AbstractZh { get; private set; }

    public int TypeId { get; private set; }

    public int? TrackId { get; private set; }

    public SessionLanguage Language { get; private set; }

    public bool InterpretationOffered { get; private set; }

    public int? SeatLimit { get; private set; }

    public int RoomId { get; private set; }

    public DateTimeOffset StartsAt { get; private set; }

    public DateTimeOffset EndsAt { get; private set; }

    public bool IsCancelled { get; private set; }

    /// <summary>Raised each time a version changes anything about this session, so calendar apps apply the update.</summary>
    public int Sequence { get; private set; }

    public DateTimeOffset LastModified { get; private set; }

    public IReadOnlyList<PublishedSessionSpeaker> Speakers => speakers;

    public string Title(bool chinese) => chinese ? TitleZh : TitleEn;

    public string? Abstract(bool chinese) => chinese ? AbstractZh ?? AbstractEn : AbstractEn ?? AbstractZh;

    internal static PublishedSession From(SessionSnapshot snapshot, int sequence, DateTimeOffset lastModified)
    {
        var published = new PublishedSession
        {
            SessionId = snapshot.SessionId,
            Uid = snapshot.Uid,
            TitleEn = snapshot.TitleEn,
            TitleZh = snapshot.TitleZh,
            AbstractEn = snapshot.AbstractEn,
            AbstractZh = snapshot.AbstractZh,
            TypeId = snapshot.TypeId,
            TrackId = snapshot.TrackId,
            Language = snapshot.Language,
            InterpretationOffered = snapshot.InterpretationOffered,
            SeatLimit = snapshot.SeatLimit,
            RoomId = snapshot.RoomId,
            StartsAt = snapshot.StartsAt,
            EndsAt = snapshot.EndsAt,
            IsCancelled = snapshot.IsCancelled,
            Sequence = sequence,
            LastModified = lastModified,
        };
        published.speakers.AddRange(snapshot.Speakers.Select((s, i) => new PublishedSessionSpeaker(s.SpeakerId, s.Role, i + 1)));
        return published;
    }

    public SessionSnapshot ToSnapshot() => new(
        SessionId, Uid, TitleEn, TitleZh, AbstractEn, AbstractZh, TypeId, TrackId, Language, InterpretationOffered, SeatLimit,
        RoomId, StartsAt, EndsAt, IsCancelled, speakers.OrderBy(s => s.Order).Select(s => new SessionSpeakerDetails(s.SpeakerId, s.Role)).ToList());
}

public sealed class PublishedSessionSpeaker(int speakerId, SessionSpeakerRole role, int order)
{
    public int SpeakerId { get; private set; } = speakerId;

    public SessionSpeakerRole Role { get; private set; } = role;

    public int Order { get; private set; } = order;
}

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
