namespace Summit.Core.Registrations;

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

    internal void ChangeCapacity(int? capacity) => Capacity = capacity;

    /// <summary>
    /// The version of the category's settings (names, kind, capacity, approval, window, order, colour), for ETags:
    /// the seat counter is not part of it, so a rush of registrations does not make every If-Match stale.
    /// </summary>
    public string SettingsVersion()
    {
        var settings = string.Join('\u001f', NameEn, NameZh, DescriptionEn, DescriptionZh, Kind, Capacity?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            RequiresApproval, RequiresInvitation, OpensAt?.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ClosesAt?.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture), Order.ToString(System.Globalization.CultureInfo.InvariantCulture), BadgeColour);
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(settings)))[..16];
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
