namespace Summit.Core.Editions;

public enum EditionStatus
{
    Draft,
    Open,
    Closed,
    Archived,
}

/// <summary>One year of the summit. Everything else (speakers' appearances, sessions, registrations, articles) hangs off an edition.</summary>
public sealed class Edition
{
    private Edition()
    {
    }

    public int Id { get; private set; }

    /// <summary>The URL segment: <c>/2021</c>.</summary>
    public string Slug { get; private set; } = "";

    public string NameEn { get; private set; } = "";

    public string NameZh { get; private set; } = "";

    public string? TaglineEn { get; private set; }

    public string? TaglineZh { get; private set; }

    public DateOnly StartDate { get; private set; }

    public DateOnly EndDate { get; private set; }

    public string VenueEn { get; private set; } = "";

    public string VenueZh { get; private set; } = "";

    public string CityEn { get; private set; } = "";

    public string CityZh { get; private set; } = "";

    /// <summary>IANA zone, e.g. <c>Asia/Shanghai</c>. Times are stored in UTC and shown in this zone.</summary>
    public string TimeZoneId { get; private set; } = "Asia/Shanghai";

    /// <summary>Days before the first day on which confirmed attendees get a reminder, e.g. <c>7,1</c>; empty for none.</summary>
    public string ReminderDays { get; private set; } = DefaultReminderDays;

    public const string DefaultReminderDays = "7,1";

    /// <summary>The reminder days as numbers, largest first.</summary>
    public IReadOnlyList<int> Reminders => ParseReminderDays(ReminderDays) ?? [];

    /// <summary>Null when the text is not a comma-separated list of whole days between 1 and 60.</summary>
    public static IReadOnlyList<int>? ParseReminderDays(string? text)
    {
        var days = new List<int>();
        foreach (var part in (text ?? "").Split([',', '，', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var day) || day is < 1 or > 60)
            {
                return null;
            }

            days.Add(day);
        }

        return days.Distinct().OrderDescending().ToList();
    }

    public EditionStatus Status { get; private set; }

    /// <summary>Seeded demo data, shown with a notice so nobody mistakes it for the real programme.</summary>
    public bool IsDemo { get; private set; }

    /// <summary>
    /// Counts changes to the programme's working copy. Every schedule write bumps it first, which also takes the
    /// edition's row lock, so two organizers' moves are checked one after the other (see ScheduleLock).
    /// </summary>
    public int ScheduleDraftRevision { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    internal static Edition Create(EditionDetails details, DateTimeOffset now, bool isDemo = false)
    {
        var edition = new Edition { CreatedAt = now, IsDemo = isDemo };
        edition.Apply(details, now);
        return edition;
    }

    internal void Apply(EditionDetails details, DateTimeOffset now)
    {
        Slug = details.Slug.Trim().ToLowerInvariant();
        NameEn = details.NameEn.Trim();
        NameZh = details.NameZh.Trim();
        TaglineEn = Blank(details.TaglineEn);
        TaglineZh = Blank(details.TaglineZh);
        StartDate = details.StartDate;
        EndDate = details.EndDate;
        VenueEn = details.VenueEn.Trim();
        VenueZh = details.VenueZh.Trim();
        CityEn = details.CityEn.Trim();
        CityZh = details.CityZh.Trim();
        TimeZoneId = details.TimeZoneId.Trim();
        ReminderDays = string.Join(',', ParseReminderDays(details.ReminderDays) ?? []);
        Status = details.Status;
        UpdatedAt = now;
    }

    /// <summary>The public sees every edition but drafts.</summary>
    public bool IsPublic => Status != EditionStatus.Draft;

    /// <summary>
    /// The zone of <see cref="TimeZoneId"/>, looked up once per id: the lookup takes the runtime's zone cache lock,
    /// and a programme page asks for it once per session.
    /// </summary>
    public TimeZoneInfo TimeZone
    {
        get
        {
            var kept = zoneLookup;
            if (kept is null || kept.Id != TimeZoneId)
            {
                zoneLookup = kept = new ZoneLookup(TimeZoneId, TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId));
            }

            return kept.Zone;
        }
    }

    private ZoneLookup? zoneLookup;

    private sealed record ZoneLookup(string Id, TimeZoneInfo Zone);

    public string Name(bool chinese) => chinese ? NameZh : NameEn;

    public string? Tagline(bool chinese) => chinese ? TaglineZh ?? TaglineEn : TaglineEn ?? TaglineZh;

    public string Venue(bool chinese) => chinese ? VenueZh : VenueEn;

    public string City(bool chinese) => chinese ? CityZh : CityEn;

    /// <summary>
    /// Where the edition is held, as a line: in Chinese the city before the venue with nothing between them (重庆 +
    /// 悦来国际会议中心), in English the venue, then the city. A venue whose name already holds its city gets it once:
    /// 重庆悦来国际会议中心, not 重庆重庆悦来国际会议中心.
    /// </summary>
    public string Place(bool chinese)
    {
        var (venue, city) = (Venue(chinese).Trim(), City(chinese).Trim());
        if (city.Length == 0 || venue.Contains(city, StringComparison.OrdinalIgnoreCase))
        {
            return venue.Length > 0 ? venue : city;
        }

        return venue.Length == 0 ? city : chinese ? city + venue : $"{venue}, {city}";
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>What an organizer types for an edition; <see cref="SaveEdition"/> checks it.</summary>
public sealed record EditionDetails(
    string Slug,
    string NameEn,
    string NameZh,
    string? TaglineEn,
    string? TaglineZh,
    DateOnly StartDate,
    DateOnly EndDate,
    string VenueEn,
    string VenueZh,
    string CityEn,
    string CityZh,
    string TimeZoneId,
    EditionStatus Status,
    string? ReminderDays = Edition.DefaultReminderDays);
