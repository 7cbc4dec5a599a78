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
