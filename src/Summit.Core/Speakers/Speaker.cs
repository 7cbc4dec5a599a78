using Summit.Core.Editions;

namespace Summit.Core.Speakers;

/// <summary>
/// One person across all editions. Names in both scripts live on the same record, each shown in the order its script
/// needs; positions are ordered; the contact email is never public.
/// </summary>
public sealed class Speaker
{
    private readonly List<SpeakerPosition> positions = [];
    private readonly List<SpeakerLink> links = [];
    private readonly List<SpeakerEdition> editions = [];

    private Speaker()
    {
    }

    public int Id { get; private set; }

    public string Slug { get; private set; } = "";

    public string? FamilyNameZh { get; private set; }

    public string? GivenNameZh { get; private set; }

    public string? FamilyNameLatin { get; private set; }

    public string? GivenNameLatin { get; private set; }

    /// <summary>True for names written family-first in Latin script too (Zeng Gang, Heng Swee Keat); false for Ravi Menon.</summary>
    public bool LatinFamilyNameFirst { get; private set; }

    public string? HonorificEn { get; private set; }

    public string? HonorificZh { get; private set; }

    /// <summary>ISO 3166-1 alpha-2, e.g. CN, SG, MY; shown in the visitor's language.</summary>
    public string? CountryCode { get; private set; }

    public string? BiographyEn { get; private set; }

    public string? BiographyZh { get; private set; }

    public string? ContactEmail { get; private set; }

    public bool IsDemo { get; private set; }

    /// <summary>The account that looks after this profile (linked through an invitation); at most one.</summary>
    public string? UserId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public IReadOnlyList<SpeakerPosition> Positions => positions;

    public IReadOnlyList<SpeakerLink> Links => links;

    public IReadOnlyList<SpeakerEdition> Editions => editions;

    public string? NameZh => SpeakerNames.Chinese(FamilyNameZh, GivenNameZh);

    public string? NameLatin => SpeakerNames.Latin(FamilyNameLatin, GivenNameLatin, LatinFamilyNameFirst);

    /// <summary>The name to lead with in the visitor's language, falling back to the other script.</summary>
    public string DisplayName(bool chinese) => SpeakerNames.Display(NameZh, NameLatin, chinese);

    /// <summary>The name in the other script, if there is one.</summary>
    public string? SecondaryName(bool chinese) => SpeakerNames.Secondary(NameZh, NameLatin, chinese);

    internal static Speaker Create(SpeakerDetails details, DateTimeOffset now, bool isDemo = false)
    {
        var speaker = new Speaker { CreatedAt = now, IsDemo = isDemo };
        speaker.Apply(details, now);
        return speaker;
    }

    internal void Apply(SpeakerDetails details, DateTimeOffset now)
    {
        Slug = details.Slug.Trim().ToLowerInvariant();
        FamilyNameZh = Clean(details.FamilyNameZh);
        GivenNameZh = Clean(details.GivenNameZh);
        FamilyNameLatin = Clean(details.FamilyNameLatin);
        GivenNameLatin = Clean(details.GivenNameLatin);
        LatinFamilyNameFirst = details.LatinFamilyNameFirst;
        HonorificEn = Clean(details.HonorificEn);
        HonorificZh = Clean(details.HonorificZh);
        CountryCode = Clean(details.CountryCode)?.ToUpperInvariant();
        BiographyEn = Clean(details.BiographyEn);
        BiographyZh = Clean(details.BiographyZh);
        ContactEmail = Clean(details.ContactEmail);
        positions.Clear();
        positions.AddRange(details.Positions
            .Where(p => !p.IsEmpty)
            .Select((p, i) => new SpeakerPosition(i + 1, Clean(p.TitleEn), Clean(p.TitleZh), Clean(p.OrganisationEn), Clean(p.OrganisationZh))));
        links.Clear();
        links.AddRange(details.Links.Where(l => !string.IsNullOrWhiteSpace(l.Url)).Select((l, i) => new SpeakerLink(i + 1, l.Kind, l.Url.Trim())));
        UpdatedAt = now;
    }

    internal void SetEditions(IEnumerable<int> editionIds)
    {
        var wanted = editionIds.ToHashSet();
        editions.RemoveAll(e => !wanted.Contains(e.EditionId));
        foreach (var id in wanted.Where(id => editions.All(e => e.EditionId != id)))
        {
            editions.Add(new SpeakerEdition(id));
        }
    }

    internal void LinkAccount(string userId) => UserId = userId;

    internal void UnlinkAccount() => UserId = null;

    /// <summary>Fills what this profile lacks from a duplicate of the same person; what is already here wins.</summary>
    internal void AbsorbFieldsOf(Speaker other)
    {
        FamilyNameZh ??= other.FamilyNameZh;
        GivenNameZh ??= other.GivenNameZh;
        if (FamilyNameLatin is null && GivenNameLatin is null)
        {
            // The Latin name comes over whole, with its own order ("Ravi Menon" stays given-name first).
            FamilyNameLatin = other.FamilyNameLatin;
            GivenNameLatin = other.GivenNameLatin;
            LatinFamilyNameFirst = other.LatinFamilyNameFirst;
        }

        HonorificEn ??= other.HonorificEn;
        HonorificZh ??= other.HonorificZh;
        CountryCode ??= other.CountryCode;
        BiographyEn ??= other.BiographyEn;
        BiographyZh ??= other.BiographyZh;
        ContactEmail ??= other.ContactEmail;
        if (positions.Count == 0)
        {
            positions.AddRange(other.positions.Select(p => new SpeakerPosition(p.Order, p.TitleEn, p.TitleZh, p.OrganisationEn, p.OrganisationZh)));
        }

        foreach (var link in other.links.Where(l => links.All(mine => mine.Url != l.Url)).Take(Math.Max(0, SaveSpeaker.MaxLinks - links.Count)))
        {
            links.Add(new SpeakerLink(links.Count + 1, link.Kind, link.Url));
        }
    }

    /// <summary>Marks the speaker for an existing edition, if not yet (a published session does this for its speakers).</summary>
    internal void MarkFor(int editionId)
    {
        if (editions.All(e => e.EditionId != editionId))
        {
            editions.Add(new SpeakerEdition(editionId));
        }
    }

    /// <summary>Marks the speaker for an edition being created in the same save (its id is not known yet).</summary>
    internal void MarkFor(Edition edition) => editions.Add(new SpeakerEdition(edition));

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>A position held, in both languages, in the order it should be listed (1 first).</summary>
public sealed class SpeakerPosition(int order, string? titleEn, string? titleZh, string? organisationEn, string? organisationZh)
{
    public int Order { get; private set; } = order;

    public string? TitleEn { get; private set; } = titleEn;

    public string? TitleZh { get; private set; } = titleZh;

    public string? OrganisationEn { get; private set; } = organisationEn;

    public string? OrganisationZh { get; private set; } = organisationZh;

    /// <summary>"Deputy Director, National Institution for Finance and Development" or "国家金融与发展实验室副主任".</summary>
    public string Display(bool chinese) => SpeakerNames.Position(TitleEn, TitleZh, OrganisationEn, OrganisationZh, chinese);
}

public enum SpeakerLinkKind
{
    Website,
    LinkedIn,
    Weibo,
    WeChat,
    X,
    Other,
}

public sealed class SpeakerLink(int order, SpeakerLinkKind kind, string url)
{
    public int Order { get; private set; } = order;

    public SpeakerLinkKind Kind { get; private set; } = kind;

    public string Url { get; private set; } = url;
}
