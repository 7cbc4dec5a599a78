using System.ComponentModel.DataAnnotations;
using Summit.Core.Speakers;

namespace Summit.Web.Speakers;

/// <summary>The profile fields an organizer and the speaker both edit (rendered by <c>Pages/Shared/_SpeakerFields.cshtml</c>).</summary>
public class SpeakerProfileInput
{
    [StringLength(SaveSpeaker.NameMaxLength, ErrorMessage = "Keep this under {1} characters.")]
    [Display(Name = "Family name (Chinese)")]
    public string? FamilyNameZh { get; set; }

    [StringLength(SaveSpeaker.NameMaxLength, ErrorMessage = "Keep this under {1} characters.")]
    [Display(Name = "Given name (Chinese)")]
    public string? GivenNameZh { get; set; }

    [StringLength(SaveSpeaker.NameMaxLength, ErrorMessage = "Keep this under {1} characters.")]
    [Display(Name = "Family name (Latin script)")]
    public string? FamilyNameLatin { get; set; }

    [StringLength(SaveSpeaker.NameMaxLength, ErrorMessage = "Keep this under {1} characters.")]
    [Display(Name = "Given name (Latin script)")]
    public string? GivenNameLatin { get; set; }

    [Display(Name = "Family name first in Latin script too")]
    public bool LatinFamilyNameFirst { get; set; } = true;

    [StringLength(SaveSpeaker.HonorificMaxLength, ErrorMessage = "Keep this under {1} characters.")]
    [Display(Name = "Honorific (English)")]
    public string? HonorificEn { get; set; }

    [StringLength(SaveSpeaker.HonorificMaxLength, ErrorMessage = "Keep this under {1} characters.")]
    [Display(Name = "Honorific (Chinese)")]
    public string? HonorificZh { get; set; }

    [StringLength(2, ErrorMessage = "Keep this under {1} characters.")]
    [Display(Name = "Country or region code")]
    public string? CountryCode { get; set; }

    [StringLength(SaveSpeaker.BiographyMaxLength, ErrorMessage = "Keep this under {1} characters.")]
    [Display(Name = "Biography (English)")]
    public string? BiographyEn { get; set; }

    [StringLength(SaveSpeaker.BiographyMaxLength, ErrorMessage = "Keep this under {1} characters.")]
    [Display(Name = "Biography (Chinese)")]
    public string? BiographyZh { get; set; }

    public List<PositionInput> Positions { get; set; } = [];

    public List<LinkInput> Links { get; set; } = [];

    public sealed class PositionInput
    {
        [StringLength(SaveSpeaker.PositionPartMaxLength, ErrorMessage = "Keep this under {1} characters.")]
        public string? TitleEn { get; set; }

        [StringLength(SaveSpeaker.PositionPartMaxLength, ErrorMessage = "Keep this under {1} characters.")]
        public string? TitleZh { get; set; }

        [StringLength(SaveSpeaker.PositionPartMaxLength, ErrorMessage = "Keep this under {1} characters.")]
        public string? OrganisationEn { get; set; }

        [StringLength(SaveSpeaker.PositionPartMaxLength, ErrorMessage = "Keep this under {1} characters.")]
        public string? OrganisationZh { get; set; }
    }

    public sealed class LinkInput
    {
        public SpeakerLinkKind Kind { get; set; }

        [StringLength(SaveSpeaker.UrlMaxLength, ErrorMessage = "Keep this under {1} characters.")]
        public string? Url { get; set; }
    }

    public void Fill(Speaker speaker)
    {
        ArgumentNullException.ThrowIfNull(speaker);
        FamilyNameZh = speaker.FamilyNameZh;
        GivenNameZh = speaker.GivenNameZh;
        FamilyNameLatin = speaker.FamilyNameLatin;
        GivenNameLatin = speaker.GivenNameLatin;
        LatinFamilyNameFirst = speaker.LatinFamilyNameFirst;
        HonorificEn = speaker.HonorificEn;
        HonorificZh = speaker.HonorificZh;
        CountryCode = speaker.CountryCode;
        BiographyEn = speaker.BiographyEn;
        BiographyZh = speaker.BiographyZh;
        Positions = speaker.Positions.OrderBy(p => p.Order).Select(p => new PositionInput { TitleEn = p.TitleEn, TitleZh = p.TitleZh, OrganisationEn = p.OrganisationEn, OrganisationZh = p.OrganisationZh }).ToList();
        Links = speaker.Links.OrderBy(l => l.Order).Select(l => new LinkInput { Kind = l.Kind, Url = l.Url }).ToList();
    }

    public SpeakerDetails ToDetails(string slug, string? contactEmail) => new(
        slug, FamilyNameZh, GivenNameZh, FamilyNameLatin, GivenNameLatin, LatinFamilyNameFirst,
        HonorificEn, HonorificZh, CountryCode, BiographyEn, BiographyZh, contactEmail,
        Positions.Select(p => new PositionDetails(p.TitleEn, p.TitleZh, p.OrganisationEn, p.OrganisationZh)).ToList(),
        Links.Where(l => !string.IsNullOrWhiteSpace(l.Url)).Select(l => new LinkDetails(l.Kind, l.Url!)).ToList());

    /// <summary>
    /// Rows up to the limits. The form shows the rows in use and one blank one (<see cref="VisiblePositions"/>,
    /// <see cref="VisibleLinks"/>); the rest wait, hidden, for "Add another", or for the next visit once saved.
    /// </summary>
    public void AddBlankRows()
    {
        while (Positions.Count < SaveSpeaker.MaxPositions)
        {
            Positions.Add(new PositionInput());
        }

        while (Links.Count < SaveSpeaker.MaxLinks)
        {
            Links.Add(new LinkInput());
        }
    }

    /// <summary>The positions in use (up to the last filled row) and one blank row.</summary>
    public int VisiblePositions => Visible(Positions.FindLastIndex(p => !IsBlank(p.TitleEn, p.TitleZh, p.OrganisationEn, p.OrganisationZh)), Positions.Count);

    /// <summary>The links in use and one blank row.</summary>
    public int VisibleLinks => Visible(Links.FindLastIndex(l => !IsBlank(l.Url)), Links.Count);

    private static int Visible(int lastUsed, int rows) => Math.Min(rows, lastUsed + 2);

    private static bool IsBlank(params string?[] parts) => parts.All(string.IsNullOrWhiteSpace);
}
