namespace Summit.Core.Scheduling;

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
