namespace Summit.Core.Scheduling;

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
