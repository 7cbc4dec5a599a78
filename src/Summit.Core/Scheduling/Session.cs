namespace Summit.Core.Scheduling;

public enum SessionSpeakerRole
{
    KeynoteSpeaker,
    Speaker,
    Moderator,
    Panelist,
}

/// <summary>
/// A session in the organizers' working copy of the programme. The public never reads this: it reads the
/// <see cref="PublishedSession"/> rows of the latest <see cref="ScheduleVersion"/>. Placement (room and times) only
/// changes through <see cref="ScheduleSession"/>, which refuses clashes.
/// </summary>
public sealed class Session
{
    private readonly List<SessionSpeaker> speakers = [];

    private Session()
    {
    }

    public int Id { get; private set; }

    /// <summary>The identity calendar and schedule apps know this session by, across every version.</summary>
    public Guid Uid { get; private set; }

    public int EditionId { get; private set; }

    public string TitleEn { get; private set; } = "";

    public string TitleZh { get; private set; } = "";

    public string? AbstractEn { get; private set; }

    public string? AbstractZh { get; private set; }

    public int TypeId { get; private set; }

    public int? TrackId { get; private set; }

    public SessionLanguage Language { get; private set; }

    public bool InterpretationOffered { get; private set; }

    /// <summary>Seats that attendees can sign up for; none means no sign-up.</summary>
    public int? SeatLimit { get; private set; }

    /// <summary>
    /// Seats taken by confirmed sign-ups. Changed only by single UPDATE statements that test <see cref="SeatLimit"/>
    /// in the same statement (see <see cref="Registrations.SignUpForSession"/>), so it never passes the limit.
    /// </summary>
    public int SeatsTaken { get; private set; }

    /// <summary>The last waiting-list ticket handed out for this session's seats.</summary>
    public int LastSignupTicket { get; private set; }

    public int? RoomId { get; private set; }

    public DateTimeOffset? StartsAt { get; private set; }

    public DateTimeOffset? EndsAt { get; private set; }

    public bool IsCancelled { get; private set; }

    public bool IsDemo { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public IReadOnlyList<SessionSpeaker> Speakers => speakers;

    public bool IsScheduled => RoomId is not null && StartsAt is not null && EndsAt is not null;

    public string Title(bool chinese) => chinese ? TitleZh : TitleEn;

    internal static Session Create(int editionId, SessionDetails details, DateTimeOffset now, bool isDemo = false)
    {
        var session = new Session { Uid = Guid.NewGuid(), EditionId = editionId, CreatedAt = now, IsDemo = isDemo };
        session.Apply(details, now);
        return session;
    }

    internal void Apply(SessionDetails details, DateTimeOffset now)
    {
        TitleEn = details.TitleEn.Trim();
        TitleZh = details.TitleZh.Trim();
        AbstractEn = Clean(details.AbstractEn);
        AbstractZh = Clean(details.AbstractZh);
        TypeId = details.TypeId;
        TrackId = details.TrackId;
        Language = details.Language;
        InterpretationOffered = details.InterpretationOffered;
        SeatLimit = details.SeatLimit;
        speakers.Clear();
        speakers.AddRange(details.Speakers.Select((s, i) => new SessionSpeaker(s.SpeakerId, s.Role, i + 1)));
        UpdatedAt = now;
    }

    internal void Place(int roomId, DateTimeOffset startsAt, DateTimeOffset endsAt, DateTimeOffset now)
    {
        RoomId = roomId;
        StartsAt = startsAt.ToUniversalTime();
        EndsAt = endsAt.ToUniversalTime();
        UpdatedAt = now;
    }

    internal void Unschedule(DateTimeOffset now)
    {
        RoomId = null;
        StartsAt = null;
        EndsAt = null;
        UpdatedAt = now;
    }

    internal void Cancel(DateTimeOffset now)
    {
        IsCancelled = true;
        UpdatedAt = now;
    }

    internal void Reinstate(DateTimeOffset now)
    {
        IsCancelled = false;
        UpdatedAt = now;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>A speaker on a session, with a role and a place in the order they are listed (1 first).</summary>
public sealed class SessionSpeaker(int speakerId, SessionSpeakerRole role, int order)
{
    public int SpeakerId { get; private set; } = speakerId;

    public SessionSpeakerRole Role { get; private set; } = role;

    public int Order { get; private set; } = order;
}

public sealed record SessionSpeakerDetails(int SpeakerId, SessionSpeakerRole Role);

/// <summary>What an organizer types for a session; <see cref="SaveSession"/> checks it.</summary>
public sealed record SessionDetails(
    string TitleEn,
    string TitleZh,
    string? AbstractEn,
    string? AbstractZh,
    int TypeId,
    int? TrackId,
    SessionLanguage Language,
    bool InterpretationOffered,
    int? SeatLimit,
    IReadOnlyList<SessionSpeakerDetails> Speakers);
