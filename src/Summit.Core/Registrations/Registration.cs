namespace Summit.Core.Registrations;

public enum RegistrationStatus
{
    PendingApproval,
    Confirmed,
    Waitlisted,
    Declined,
    Cancelled,
}

/// <summary>What a category is for, beyond its name: speakers are registered automatically, press approval grants the Press role.</summary>
public enum CategoryKind
{
    General,
    Speaker,
    Press,
    Staff,
}

/// <summary>
/// A kind of ticket of an edition (Delegate, VIP, Speaker, Press, Online, Staff), with its capacity and the seats
/// taken. <see cref="Confirmed"/> is changed only by single UPDATE statements that test the capacity in the same
/// statement (see <see cref="SeatLedger"/>), so it can never pass <see cref="Capacity"/>, whatever runs at once.
/// </summary>
public sealed class RegistrationCategory
{
    private RegistrationCategory()
    {
    }

    public int Id { get; private set; }

    public int EditionId { get; private set; }

    public string NameEn { get; private set; } = "";

    public string NameZh { get; private set; } = "";

    public string? DescriptionEn { get; private set; }

    public string? DescriptionZh { get; private set; }

    public CategoryKind Kind { get; private set; }

    /// <summary>Null for unlimited.</summary>
    public int? Capacity { get; private set; }

    public bool RequiresApproval { get; private set; }

    public bool RequiresInvitation { get; private set; }

    public DateTimeOffset? OpensAt { get; private set; }

    public DateTimeOffset? ClosesAt { get; private set; }

    public int Order { get; private set; }

    /// <summary>The colour of the band on this category's badges (<c>#rrggbb</c>); null for the default of its kind.</summary>
    public string? BadgeColour { get; private set; }

    /// <summary>Seats taken by confirmed registrations.</summary>
    public int Confirmed { get; private set; }

    /// <summary>The last waiting-list ticket handed out; tickets order the list, first come first served.</summary>
    public int LastWaitlistTicket { get; private set; }

    public string Name(bool chinese) => chinese ? NameZh : NameEn;

    public string? Description(bool chinese) => chinese ? DescriptionZh ?? DescriptionEn : DescriptionEn ?? DescriptionZh;

    public bool IsOpen(DateTimeOffset now) => (OpensAt is null || OpensAt <= now) && (ClosesAt is null || now < ClosesAt);

    internal static RegistrationCategory Create(int editionId, CategoryDetails details)
    {
        var category = new RegistrationCategory { EditionId = editionId };
        category.Apply(details);
        return category;
    }

    internal void Apply(CategoryDetails details)
    {
        NameEn = details.NameEn.Trim();
        NameZh = details.NameZh.Trim();
        DescriptionEn = Clean(details.DescriptionEn);
        DescriptionZh = Clean(details.DescriptionZh);
        Kind = details.Kind;
        Capacity = details.Capacity;
        RequiresApproval = details.RequiresApproval;
        RequiresInvitation = details.RequiresInvitation;
        OpensAt = details.OpensAt?.ToUniversalTime();
        ClosesAt = details.ClosesAt?.ToUniversalTime();
        Order = details.Order;
        BadgeColour = BadgeColours.Normalize(details.BadgeColour);
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

public sealed record CategoryDetails(
    string NameEn,
    string NameZh,
    string? DescriptionEn,
    string? DescriptionZh,
    CategoryKind Kind,
    int? Capacity,
    bool RequiresApproval,
    bool RequiresInvitation,
    DateTimeOffset? OpensAt,
    DateTimeOffset? ClosesAt,
    int Order,
    string? BadgeColour = null);

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
        PreferredCulture = details.PreferredCulture.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? "zh-Hans" : "en";
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

/// <summary>A code that unlocks a category (and may skip approval), for one person or for a whole delegation.</summary>
public sealed class InvitationCode
{
    private InvitationCode()
    {
    }

    public int Id { get; private set; }

    public int EditionId { get; private set; }

    public int CategoryId { get; private set; }

    /// <summary>Upper-case letters and digits; compared without regard to case.</summary>
    public string Code { get; private set; } = "";

    public int MaxUses { get; private set; }

    /// <summary>Changed only by an UPDATE that tests <see cref="MaxUses"/> in the same statement.</summary>
    public int Uses { get; private set; }

    public bool BypassesApproval { get; private set; }

    public string? Note { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    internal static InvitationCode Create(int editionId, int categoryId, string code, int maxUses, bool bypassesApproval, string? note, DateTimeOffset now) => new()
    {
        EditionId = editionId,
        CategoryId = categoryId,
        Code = code.Trim().ToUpperInvariant(),
        MaxUses = maxUses,
        BypassesApproval = bypassesApproval,
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
        CreatedAt = now,
    };
}
