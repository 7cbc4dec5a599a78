namespace Summit.Core.Scheduling;

/// <summary>A building or site of an edition; rooms belong to it.</summary>
public sealed class Venue
{
    private Venue()
    {
    }

    public int Id { get; private set; }

    public int EditionId { get; private set; }

    public string NameEn { get; private set; } = "";

    public string NameZh { get; private set; } = "";

    public string Name(bool chinese) => chinese ? NameZh : NameEn;

    internal static Venue Create(int editionId, string nameEn, string nameZh) => new() { EditionId = editionId, NameEn = nameEn.Trim(), NameZh = nameZh.Trim() };

    internal void Rename(string nameEn, string nameZh)
    {
        NameEn = nameEn.Trim();
        NameZh = nameZh.Trim();
    }
}

/// <summary>The language spoken on the floor of a room or in a session.</summary>
public enum SessionLanguage
{
    English,
    Chinese,
    EnglishAndChinese,
}

/// <summary>
/// A room of a venue. Capacity bounds the seat limit of any session placed in it; interpretation channels are the
/// booths it has ("EN↔ZH"), shown beside every session that offers interpretation there.
/// </summary>
public sealed class Room
{
    private Room()
    {
    }

    public int Id { get; private set; }

    public int EditionId { get; private set; }

    public int VenueId { get; private set; }

    public Venue? Venue { get; private set; }

    public string NameEn { get; private set; } = "";

    public string NameZh { get; private set; } = "";

    public int? Capacity { get; private set; }

    public SessionLanguage FloorLanguage { get; private set; }

    /// <summary>Free text such as <c>EN↔ZH</c>; empty when the room has no booths.</summary>
    public string? InterpretationChannels { get; private set; }

    /// <summary>Column order in the grid and in exports.</summary>
    public int Order { get; private set; }

    public string Name(bool chinese) => chinese ? NameZh : NameEn;

    internal static Room Create(int editionId, int venueId, RoomDetails details)
    {
        var room = new Room { EditionId = editionId, VenueId = venueId };
        room.Apply(details);
        return room;
    }

    internal void Apply(RoomDetails details)
    {
        NameEn = details.NameEn.Trim();
        NameZh = details.NameZh.Trim();
        Capacity = details.Capacity;
        FloorLanguage = details.FloorLanguage;
        InterpretationChannels = string.IsNullOrWhiteSpace(details.InterpretationChannels) ? null : details.InterpretationChannels.Trim();
        Order = details.Order;
    }
}

public sealed record RoomDetails(string NameEn, string NameZh, int? Capacity, SessionLanguage FloorLanguage, string? InterpretationChannels, int Order);

/// <summary>A thread through the programme (green finance, digital finance…), with the colour the grid shows it in.</summary>
public sealed class Track
{
    private Track()
    {
    }

    public int Id { get; private set; }

    public int EditionId { get; private set; }

    public string NameEn { get; private set; } = "";

    public string NameZh { get; private set; } = "";

    /// <summary><c>#rrggbb</c>.</summary>
    public string Colour { get; private set; } = "#1f6f8b";

    public int Order { get; private set; }

    public string Name(bool chinese) => chinese ? NameZh : NameEn;

    internal static Track Create(int editionId, string nameEn, string nameZh, string colour, int order) =>
        new() { EditionId = editionId, NameEn = nameEn.Trim(), NameZh = nameZh.Trim(), Colour = colour.Trim().ToLowerInvariant(), Order = order };

    internal void Apply(string nameEn, string nameZh, string colour, int order)
    {
        NameEn = nameEn.Trim();
        NameZh = nameZh.Trim();
        Colour = colour.Trim().ToLowerInvariant();
        Order = order;
    }
}

/// <summary>Keynote, panel, forum, roundtable, signing ceremony, break… Organizers define their own per edition.</summary>
public sealed class SessionType
{
    private SessionType()
    {
    }

    public int Id { get; private set; }

    public int EditionId { get; private set; }

    public string NameEn { get; private set; } = "";

    public string NameZh { get; private set; } = "";

    /// <summary>Breaks and meals: shown in the grid, never given speakers, left out of speakers' calendars.</summary>
    public bool IsBreak { get; private set; }

    public int Order { get; private set; }

    public string Name(bool chinese) => chinese ? NameZh : NameEn;

    internal static SessionType Create(int editionId, string nameEn, string nameZh, bool isBreak, int order) =>
        new() { EditionId = editionId, NameEn = nameEn.Trim(), NameZh = nameZh.Trim(), IsBreak = isBreak, Order = order };

    internal void Apply(string nameEn, string nameZh, bool isBreak, int order)
    {
        NameEn = nameEn.Trim();
        NameZh = nameZh.Trim();
        IsBreak = isBreak;
        Order = order;
    }
}

/// <summary>When a speaker can be on stage during an edition. A speaker without any window is available throughout.</summary>
public sealed class SpeakerAvailability
{
    private SpeakerAvailability()
    {
    }

    public int Id { get; private set; }

    public int EditionId { get; private set; }

    public int SpeakerId { get; private set; }

    public DateTimeOffset StartsAt { get; private set; }

    public DateTimeOffset EndsAt { get; private set; }

    internal static SpeakerAvailability Create(int editionId, int speakerId, DateTimeOffset startsAt, DateTimeOffset endsAt) =>
        new() { EditionId = editionId, SpeakerId = speakerId, StartsAt = startsAt.ToUniversalTime(), EndsAt = endsAt.ToUniversalTime() };
}
