namespace Summit.Core.Registrations;

public enum RegistrationStatus
{
    PendingApproval,
    Confirmed,
    Waitlisted,
    Declined,
    Cancelled,
}

/// <summary>
/// One person's registration for an edition. Status moves only through the write classes; the personal data can be
/// erased on request, leaving the row (and so the counts) with its status and category.
/// </summary>
public sealed class Registration
{
    private Registration()
    {
    }

    public int Id { get; private set; }

    public int EditionId { get; private set; }

    public int CategoryId { get; private set; }

    public RegistrationStatus Status { get; private set; }

    public string? FamilyNameZh { get; private set; }

    public string? GivenNameZh { get; private set; }

    public string? FamilyNameLatin { get; private set; }

    public string? GivenNameLatin { get; private set; }

    public bool LatinFamilyNameFirst { get; private set; }

    public string? Organisation { get; private set; }

    public string? Position { get; private set; }

    public string Email { get; private set; } = "";

    /// <summary>Lower-cased, trimmed: one registration per address and edition (a unique index).</summary>
    public string NormalizedEmail { get; private set; } = "";

    public string? Phone { get; private set; }

    public string? CountryCode { get; private set; }

    /// <summary><c>en</c> or <c>zh-Hans</c>: the language of every email about this registration.</summary>
    public string PreferredCulture { get; private set; } = "en";

    public string? DietaryNeeds { get; private set; }

    public string? AccessibilityNeeds { get; private set; }

    public bool NeedsInterpretation { get; private set; }

    public string ConsentVersion { get; private set; } = "";

    public DateTimeOffset ConsentAt { get; private set; }

    /// <summary>Set while waitlisted: the order of the waiting list.</summary>
    public int? WaitlistTicket { get; private set; }

    public int? InvitationCodeId { get; private set; }

    public string? UserId { get; private set; }

    public int? SpeakerId { get; private set; }

    /// <summary>
    /// The secret of the self-service link. Kept as is (not hashed) because every email about the registration
    /// carries the link again; it guards data stored in this same row.
    /// </summary>
    public string AccessKey { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset StatusChangedAt { get; private set; }

    public DateTimeOffset? ErasedAt { get; private set; }

    /// <summary>
    /// Cancelled because the speaker was taken off the programme, not by anyone's choice: putting the speaker back
    /// reinstates it. A cancellation by the person or an organizer stays.
    /// </summary>
    public bool CancelledByProgramme { get; private set; }

    /// <summary>Which badge is valid: a reissued badge (lost, or details changed) has the next number, and older ones no longer scan.</summary>
    public int BadgeRevision { get; private set; } = 1;

    /// <summary>When the person was first checked in at the door (set once, by <see cref="CheckInAttendee"/>).</summary>
    public DateTimeOffset? CheckedInAt { get; private set; }

    /// <summary>
    /// The short code printed under the QR code (<c>ABCD-EFGH</c>), for typing at the desk when nothing can scan: random,
    /// unique, made with the first badge. It names the badge as the QR token does, without the signature.
    /// </summary>
    public string? BadgeCode { get; private set; }

    public string? CheckedInDesk { get; private set; }

    /// <summary>The badge revision last printed in a finished print run (null: never printed), for "not printed yet" runs.</summary>
    public int? BadgePrintedRevision { get; private set; }

    public string? NameZh => Speakers.SpeakerNames.Chinese(FamilyNameZh, GivenNameZh);

    public string? NameLatin => Speakers.SpeakerNames.Latin(FamilyNameLatin, GivenNameLatin, LatinFamilyNameFirst);

    public string DisplayName(bool chinese) => Speakers.SpeakerNames.Display(NameZh, NameLatin, chinese);

    internal static Registration Create(int editionId, int categoryId, RegistrationDetails details, string accessKey, DateTimeOffset now)
    {
        var registration = new Registration { EditionId = editionId, CategoryId = categoryId, AccessKey = accessKey, CreatedAt = now, StatusChangedAt = now, ConsentAt = now };
        registration.Apply(details, now);
        registration.ConsentVersion = details.ConsentVersion;
        return registration;
    }

    internal void Apply(RegistrationDetails details, DateTimeOffset now)
    {
        FamilyNameZh = Clean(details.FamilyNameZh);
        GivenNameZh = Clean(details.GivenNameZh);
        FamilyNameLatin = Clean(details.FamilyNameLatin);
        GivenNameLatin = Clean(details.GivenNameLatin);
        LatinFamilyNameFirst = details.LatinFamilyNameFirst;
        Organisation = Clean(details.Organisation);
        Position = Clean(details.Position);
        Email = details.Email.Trim();
        NormalizedEmail = Normalize(details.Email);
        Phone = Clean(details.Phone);
        CountryCode = Clean(details.CountryCode)?.ToUpperInvariant();
        PreferredCulture = Text.Cultures.Normalize(details.PreferredCulture);
        DietaryNeeds = Clean(details.DietaryNeeds);
        AccessibilityNeeds = Clean(details.AccessibilityNeeds);
        NeedsInterpretation = details.NeedsInterpretation;
        UpdatedAt = now;
    }

    internal void MoveTo(RegistrationStatus status, DateTimeOffset now, int? waitlistTicket = null, bool byProgramme = false)
    {
        Status = status;
        CancelledByProgramme = status == RegistrationStatus.Cancelled && byProgramme;
        WaitlistTicket = status == RegistrationStatus.Waitlisted ? waitlistTicket : null;
        StatusChangedAt = now;
        UpdatedAt = now;
    }

    internal void UseCode(int codeId) => InvitationCodeId = codeId;

    /// <summary>A new badge: the old one (its QR token and its short code) no longer checks in.</summary>
    internal void ReissueBadge(DateTimeOffset now)
    {
        BadgeRevision++;
        BadgeCode = null;
        UpdatedAt = now;
    }

    internal void LinkAccount(string userId) => UserId = userId;

    internal void LinkSpeaker(int speakerId) => SpeakerId = speakerId;

    internal void ChangeCategory(int categoryId, DateTimeOffset now)
    {
        CategoryId = categoryId;
        UpdatedAt = now;
    }

    /// <summary>Removes everything that identifies the person; status, category and dates stay for the counts.</summary>
    internal void Erase(DateTimeOffset now)
    {
        FamilyNameZh = GivenNameZh = GivenNameLatin = Organisation = Position = Phone = DietaryNeeds = AccessibilityNeeds = null;
        FamilyNameLatin = "(erased)";
        Email = $"erased-{Id}@invalid";
        NormalizedEmail = Email;
        UserId = null;
        AccessKey = "";
        BadgeCode = null;
        ErasedAt = now;
        UpdatedAt = now;
    }

    public static string Normalize(string email) => email.Trim().ToLowerInvariant();

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>What a person types on the registration form; <see cref="RegisterAttendee"/> checks it.</summary>
public sealed record RegistrationDetails(
    string? FamilyNameZh,
    string? GivenNameZh,
    string? FamilyNameLatin,
    string? GivenNameLatin,
    bool LatinFamilyNameFirst,
    string? Organisation,
    string? Position,
    string Email,
    string? Phone,
    string? CountryCode,
    string PreferredCulture,
    string? DietaryNeeds,
    string? AccessibilityNeeds,
    bool NeedsInterpretation,
    bool Consent,
    string ConsentVersion);
