using Summit.Core.Editions;
using Summit.Core.Registrations;

namespace Summit.Core.Api;

/// <summary>An edition as the organizer API and the webhooks show it.</summary>
public sealed record EditionDto(int Id, string Slug, string NameEn, string NameZh, DateOnly StartDate, DateOnly EndDate, string TimeZone, string Status)
{
    public static EditionDto From(Edition e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new(e.Id, e.Slug, e.NameEn, e.NameZh, e.StartDate, e.EndDate, e.TimeZoneId, e.Status.ToString());
    }
}

/// <summary>A registration as the organizer API and the webhooks show it (the email is gone once the person is erased).</summary>
public sealed record RegistrationDto(
    int Id, int EditionId, int CategoryId, string Status, string? FamilyNameZh, string? GivenNameZh, string? FamilyNameLatin, string? GivenNameLatin,
    string? Organisation, string? Position, string? Email, string? Phone, string? CountryCode, string PreferredCulture, string? DietaryNeeds,
    string? AccessibilityNeeds, bool NeedsInterpretation, int? WaitlistTicket, DateTimeOffset? CheckedInAt, bool Erased,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset StatusChangedAt)
{
    public static RegistrationDto From(Registration r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(
            r.Id, r.EditionId, r.CategoryId, r.Status.ToString(), r.FamilyNameZh, r.GivenNameZh, r.FamilyNameLatin, r.GivenNameLatin,
            r.Organisation, r.Position, r.ErasedAt is null ? r.Email : null, r.Phone, r.CountryCode, r.PreferredCulture, r.DietaryNeeds,
            r.AccessibilityNeeds, r.NeedsInterpretation, r.WaitlistTicket, r.CheckedInAt, r.ErasedAt is not null, r.CreatedAt, r.UpdatedAt, r.StatusChangedAt);
    }
}

/// <summary>A registration category as the organizer API shows it, with its seat counter.</summary>
public sealed record CategoryDto(
    int Id, int EditionId, string NameEn, string NameZh, string Kind, int? Capacity, int Confirmed, int? SeatsLeft, bool RequiresApproval,
    bool RequiresInvitation, DateTimeOffset? OpensAt, DateTimeOffset? ClosesAt, int Order)
{
    public static CategoryDto From(RegistrationCategory c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return new(c.Id, c.EditionId, c.NameEn, c.NameZh, c.Kind.ToString(), c.Capacity, c.Confirmed, c.Capacity is int capacity ? Math.Max(0, capacity - c.Confirmed) : null,
            c.RequiresApproval, c.RequiresInvitation, c.OpensAt, c.ClosesAt, c.Order);
    }
}

/// <summary>
/// A registration made through the API, by an organizer's system (an invitation list, a CRM): the rules of the
/// organizer's form (no sale window, no invitation code; seats and the waiting list as for everyone). Unknown fields
/// are refused, so a typo does not pass silently.
/// </summary>
[System.Text.Json.Serialization.JsonUnmappedMemberHandling(System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow)]
public sealed record NewRegistrationDto(
    int CategoryId, string? FamilyNameZh, string? GivenNameZh, string? FamilyNameLatin, string? GivenNameLatin, bool LatinFamilyNameFirst,
    string? Organisation, string? Position, string? Email, string? Phone, string? CountryCode, string? PreferredCulture, string? DietaryNeeds,
    string? AccessibilityNeeds, bool NeedsInterpretation, bool ConfirmWithoutApproval)
{
    /// <summary>What the consent of a registration entered by an organizer's system records.</summary>
    public const string ConsentVersion = "entered-through-api";

    public RegistrationDetails ToDetails() => new(
        FamilyNameZh, GivenNameZh, FamilyNameLatin, GivenNameLatin, LatinFamilyNameFirst, Organisation, Position, Email ?? "", Phone, CountryCode,
        string.IsNullOrWhiteSpace(PreferredCulture) ? "en" : PreferredCulture, DietaryNeeds, AccessibilityNeeds, NeedsInterpretation, Consent: true, ConsentVersion);
}

/// <summary>
/// A registration's details as the API changes them (PATCH, JSON merge patch): the fields sent replace the current
/// ones, null clears one, those left out stay. Unknown fields are refused.
/// </summary>
[System.Text.Json.Serialization.JsonUnmappedMemberHandling(System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow)]
public sealed record RegistrationDetailsDto(
    string? FamilyNameZh, string? GivenNameZh, string? FamilyNameLatin, string? GivenNameLatin, bool LatinFamilyNameFirst,
    string? Organisation, string? Position, string? Email, string? Phone, string? CountryCode, string? PreferredCulture, string? DietaryNeeds,
    string? AccessibilityNeeds, bool NeedsInterpretation)
{
    public static RegistrationDetailsDto From(Registration r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(r.FamilyNameZh, r.GivenNameZh, r.FamilyNameLatin, r.GivenNameLatin, r.LatinFamilyNameFirst, r.Organisation, r.Position, r.Email, r.Phone,
            r.CountryCode, r.PreferredCulture, r.DietaryNeeds, r.AccessibilityNeeds, r.NeedsInterpretation);
    }

    /// <summary>The details to save; the consent given when registering stands (it is not changed by an edit).</summary>
    public RegistrationDetails ToDetails() => new(
        FamilyNameZh, GivenNameZh, FamilyNameLatin, GivenNameLatin, LatinFamilyNameFirst, Organisation, Position, Email ?? "", Phone, CountryCode,
        string.IsNullOrWhiteSpace(PreferredCulture) ? "en" : PreferredCulture, DietaryNeeds, AccessibilityNeeds, NeedsInterpretation, Consent: true, NewRegistrationDto.ConsentVersion);
}

/// <summary>A move to another category of the same edition.</summary>
[System.Text.Json.Serialization.JsonUnmappedMemberHandling(System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow)]
public sealed record CategoryMoveDto(int CategoryId);

/// <summary>A category's new capacity: a number of seats, or null for unlimited.</summary>
[System.Text.Json.Serialization.JsonUnmappedMemberHandling(System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow)]
public sealed record CapacityDto(int? Capacity);

/// <summary>A registration's sign-up for a session with limited seats: a seat, or a place in its line.</summary>
public sealed record SignupDto(int Id, int SessionId, string SessionTitleEn, string SessionTitleZh, DateTimeOffset? StartsAt, string Status, int? WaitlistTicket,
    DateTimeOffset CreatedAt, DateTimeOffset StatusChangedAt);
