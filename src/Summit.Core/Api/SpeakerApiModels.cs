using System.Text.Json.Serialization;
using Summit.Core.Editions;
using Summit.Core.Scheduling;
using Summit.Core.Speakers;

namespace Summit.Core.Api;

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record SpeakerPositionDto(string? TitleEn, string? TitleZh, string? OrganisationEn, string? OrganisationZh);

/// <summary>A link of a profile; its kind is one of Website, LinkedIn, Weibo, WeChat, X, Other.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record SpeakerLinkDto(string Kind, string Url);

/// <summary>A speaker's profile as the organizer API shows it: both scripts, the contact address, and the editions it is listed for.</summary>
public sealed record SpeakerRecordDto(
    int Id, string Slug, string? FamilyNameZh, string? GivenNameZh, string? FamilyNameLatin, string? GivenNameLatin, bool LatinFamilyNameFirst,
    string? NameZh, string? NameLatin, string? HonorificEn, string? HonorificZh, string? CountryCode, string? BiographyEn, string? BiographyZh,
    string? ContactEmail, IReadOnlyList<SpeakerPositionDto> Positions, IReadOnlyList<SpeakerLinkDto> Links, IReadOnlyList<int> Editions,
    bool HasAccount, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static SpeakerRecordDto From(Speaker s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new(s.Id, s.Slug, s.FamilyNameZh, s.GivenNameZh, s.FamilyNameLatin, s.GivenNameLatin, s.LatinFamilyNameFirst, s.NameZh, s.NameLatin,
            s.HonorificEn, s.HonorificZh, s.CountryCode, s.BiographyEn, s.BiographyZh, s.ContactEmail,
            s.Positions.OrderBy(p => p.Order).Select(p => new SpeakerPositionDto(p.TitleEn, p.TitleZh, p.OrganisationEn, p.OrganisationZh)).ToList(),
            s.Links.OrderBy(l => l.Order).Select(l => new SpeakerLinkDto(l.Kind.ToString(), l.Url)).ToList(),
            s.Editions.Select(e => e.EditionId).Order().ToList(), s.UserId is not null, s.CreatedAt, s.UpdatedAt);
    }
}

/// <summary>
/// A profile as the API creates it (POST, every field) or changes it (PATCH, JSON merge patch onto the profile as it
/// is). Photos are managed on the organizer pages. Unknown fields are refused.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record SpeakerInputDto(
    string? Slug, string? FamilyNameZh, string? GivenNameZh, string? FamilyNameLatin, string? GivenNameLatin, bool LatinFamilyNameFirst,
    string? HonorificEn, string? HonorificZh, string? CountryCode, string? BiographyEn, string? BiographyZh, string? ContactEmail,
    IReadOnlyList<SpeakerPositionDto>? Positions, IReadOnlyList<SpeakerLinkDto>? Links, IReadOnlyList<int>? Editions)
{
    public const string UnknownLinkKind = "A link's kind is one of Website, LinkedIn, Weibo, WeChat, X, Other.";

    public static SpeakerInputDto From(SpeakerRecordDto s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new(s.Slug, s.FamilyNameZh, s.GivenNameZh, s.FamilyNameLatin, s.GivenNameLatin, s.LatinFamilyNameFirst, s.HonorificEn, s.HonorificZh,
            s.CountryCode, s.BiographyEn, s.BiographyZh, s.ContactEmail, s.Positions, s.Links, s.Editions);
    }

    /// <summary>The details to save, or the refusals of what cannot be read (a link kind). A blank slug is made from the Latin name.</summary>
    public (SpeakerDetails? Details, IReadOnlyList<Refusal> Refusals) ToDetails()
    {
        var links = new List<LinkDetails>();
        foreach (var link in Links ?? [])
        {
            if (link is null || !Enum.TryParse<SpeakerLinkKind>(link.Kind, ignoreCase: true, out var kind) || !Enum.IsDefined(kind) || int.TryParse(link.Kind, out _))
            {
                return (null, [new("links", UnknownLinkKind)]);
            }

            links.Add(new(kind, link.Url ?? ""));
        }

        var slug = string.IsNullOrWhiteSpace(Slug) ? SaveSpeaker.SlugFrom(SpeakerNames.Latin(FamilyNameLatin, GivenNameLatin, LatinFamilyNameFirst)) : Slug;
        var positions = (Positions ?? []).Where(p => p is not null).Select(p => new PositionDetails(p.TitleEn, p.TitleZh, p.OrganisationEn, p.OrganisationZh)).ToList();
        return (new SpeakerDetails(slug, FamilyNameZh, GivenNameZh, FamilyNameLatin, GivenNameLatin, LatinFamilyNameFirst, HonorificEn, HonorificZh, CountryCode,
            BiographyEn, BiographyZh, ContactEmail, positions, links), []);
    }
}

/// <summary>A session of the working copy (the editor's programme, published or not), as the organizer API shows it.</summary>
public sealed record WorkingSessionDto(
    int Id, int EditionId, string TitleEn, string TitleZh, int TypeId, int? TrackId, int? RoomId, DateTimeOffset? StartsAt, DateTimeOffset? EndsAt,
    string Language, bool InterpretationOffered, int? SeatLimit, int SeatsTaken, bool Cancelled, IReadOnlyList<WorkingSessionSpeakerDto> Speakers, DateTimeOffset UpdatedAt)
{
    public static WorkingSessionDto From(Session s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new(s.Id, s.EditionId, s.TitleEn, s.TitleZh, s.TypeId, s.TrackId, s.RoomId, s.StartsAt, s.EndsAt, s.Language.ToString(), s.InterpretationOffered,
            s.SeatLimit, s.SeatsTaken, s.IsCancelled, s.Speakers.OrderBy(p => p.Order).Select(p => new WorkingSessionSpeakerDto(p.SpeakerId, p.Role.ToString())).ToList(), s.UpdatedAt);
    }
}

public sealed record WorkingSessionSpeakerDto(int SpeakerId, string Role);
