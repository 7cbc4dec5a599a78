namespace Summit.Core.Scheduling;

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
