namespace Summit.Core.Scheduling;

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
