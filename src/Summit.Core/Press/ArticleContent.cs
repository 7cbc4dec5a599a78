namespace Summit.Core.Press;

/// <summary>What an author or editor types: the words, the labels and the links to speakers and sessions.</summary>
public sealed record ArticleContent(
    ArticleKind Kind,
    string? Slug,
    string? HeadlineEn,
    string? HeadlineZh,
    string? LeadEn,
    string? LeadZh,
    string? BodyEn,
    string? BodyZh,
    string? DatelineEn,
    string? DatelineZh,
    string? SeoTitle,
    string? SeoDescription,
    string? QuotedPassages,
    IReadOnlyList<string> Tags,
    IReadOnlyList<ContributorDetails> Contributors,
    IReadOnlyList<int> SpeakerIds,
    IReadOnlyList<int> SessionIds);

/// <summary>A contributor's credit, in Latin script and, if given, in Chinese.</summary>
public sealed record ContributorDetails(string Name, string? Role, string? NameZh = null, string? RoleZh = null);
