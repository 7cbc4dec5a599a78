using System.ComponentModel.DataAnnotations;
using Summit.Core.Registrations;

namespace Summit.Web.Registrations;

/// <summary>
/// A person's details as the forms post them (registering, editing a registration, an organizer's manual entry). The
/// attributes give the browser its limits and the first messages; <see cref="RegisterAttendee.Check"/> decides.
/// </summary>
public class PersonFields
{
    [StringLength(RegisterAttendee.NameMaxLength, ErrorMessage = "Keep this under {1} characters.")]
    [Display(Name = "Family name (Chinese)")]
    public string? FamilyNameZh { get; set; }

    [StringLength(RegisterAttendee.NameMaxLength, ErrorMessage = "Keep this under {1} characters.")]
    [Display(Name = "Given name (Chinese)")]
    public string? GivenNameZh { get; set; }

    [StringLength(RegisterAttendee.NameMaxLength, ErrorMessage = "Keep this under {1} characters.")]
    [Display(Name = "Family name (Latin letters)")]
    public string? FamilyNameLatin { get; set; }

    [StringLength(RegisterAttendee.NameMaxLength, ErrorMessage = "Keep this under {1} characters.")]
    [Display(Name = "Given name (Latin letters)")]
    public string? GivenNameLatin { get; set; }

    public bool LatinFamilyNameFirst { get; set; }

    [StringLength(RegisterAttendee.TextMaxLength, ErrorMessage = "Keep this under {1} characters.")]
    [Display(Name = "Organisation")]
    public string? Organisation { get; set; }

    [StringLength(RegisterAttendee.TextMaxLength, ErrorMessage = "Keep this under {1} characters.")]
    [Display(Name = "Position")]
    public string? Position { get; set; }

    [Required(ErrorMessage = "Enter a valid email address, such as name@example.com.")]
    [StringLength(254, ErrorMessage = "Keep this under {1} characters.")]
    [Display(Name = "Email address")]
    public string Email { get; set; } = "";

    [StringLength(40, ErrorMessage = "Keep this under {1} characters.")]
    [Display(Name = "Phone")]
    public string? Phone { get; set; }

    [Display(Name = "Country or region")]
    public string? CountryCode { get; set; }

    [Display(Name = "Language for emails")]
    public string PreferredCulture { get; set; } = "en";

    [StringLength(RegisterAttendee.NeedsMaxLength, ErrorMessage = "Keep this under {1} characters.")]
    [Display(Name = "Dietary needs")]
    public string? DietaryNeeds { get; set; }

    [StringLength(RegisterAttendee.NeedsMaxLength, ErrorMessage = "Keep this under {1} characters.")]
    [Display(Name = "Accessibility needs")]
    public string? AccessibilityNeeds { get; set; }

    public bool NeedsInterpretation { get; set; }

    public RegistrationDetails ToDetails(bool consent, string consentVersion) => new(
        FamilyNameZh, GivenNameZh, FamilyNameLatin, GivenNameLatin, LatinFamilyNameFirst,
        Organisation, Position, Email, Phone, CountryCode, Cultures.Normalize(PreferredCulture),
        DietaryNeeds, AccessibilityNeeds, NeedsInterpretation, consent, consentVersion);

    public void CopyFrom(Registration registration)
    {
        ArgumentNullException.ThrowIfNull(registration);
        FamilyNameZh = registration.FamilyNameZh;
        GivenNameZh = registration.GivenNameZh;
        FamilyNameLatin = registration.FamilyNameLatin;
        GivenNameLatin = registration.GivenNameLatin;
        LatinFamilyNameFirst = registration.LatinFamilyNameFirst;
        Organisation = registration.Organisation;
        Position = registration.Position;
        Email = registration.Email;
        Phone = registration.Phone;
        CountryCode = registration.CountryCode;
        PreferredCulture = registration.PreferredCulture;
        DietaryNeeds = registration.DietaryNeeds;
        AccessibilityNeeds = registration.AccessibilityNeeds;
        NeedsInterpretation = registration.NeedsInterpretation;
    }
}
