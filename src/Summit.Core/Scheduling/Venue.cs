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
