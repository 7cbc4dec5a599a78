using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Summit.Core.Data;

namespace Summit.Core.Editions;

public sealed record SaveEditionResult(int? EditionId, IReadOnlyList<Refusal> Refusals)
{
    public bool Saved => EditionId is not null;
}

/// <summary>Creates or updates an edition: slug shape and uniqueness, dates in order, a real time zone.</summary>
public sealed partial class SaveEdition(SummitDbContext db, Registrations.RegistrationEvents events, TimeProvider clock)
{
    public const int SlugMaxLength = 32;
    public const int MaxDays = 31;
    public const int NameMaxLength = 200;
    public const int TaglineMaxLength = 500;
    public const int VenueMaxLength = 200;
    public const int CityMaxLength = 100;
    public const int MinYear = 2000;
    public const int MaxYear = 2100;

    /// <summary>Top-level paths that an edition slug would shadow.</summary>
    public static readonly IReadOnlySet<string> ReservedSlugs = new HashSet<string>(StringComparer.Ordinal)
    {
        "admin", "account", "api", "contact", "cookies", "culture", "error", "health", "my", "newsroom",
        "privacy", "register", "registration", "schedule", "feeds", "speakers", "status", "css", "js", "img", "lib", "favicon.ico", "robots.txt",
    };

    public static class Reasons
    {
        public const string ReminderDays = "Write the reminder days as whole numbers from 1 to 60 separated by commas, such as 7,1; or leave it empty for no reminders.";
        public const string SlugShape = "Use 1 to 32 lowercase letters, digits or hyphens, starting with a letter or digit (for example 2021).";
        public const string SlugReserved = "This address is used by another part of the site.";
        public const string SlugTaken = "Another edition already uses this address.";
        public const string NameRequired = "Enter the edition's name in English and in Chinese.";
        public const string EndBeforeStart = "The last day cannot be before the first day.";
        public const string TooLong = "An edition lasts at most 31 days.";
        public const string YearRange = "Enter dates between the years 2000 and 2100.";
        public const string SessionsOutside = "Sessions are placed outside these dates (in this time zone): move them in the schedule editor first.";
        public const string UnknownTimeZone = "Enter an IANA time zone such as Asia/Shanghai or Asia/Singapore.";
        public const string NotFound = "This edition does not exist (any more).";
        public const string VenueRequired = "Enter the venue in English and in Chinese.";
        public const string CityRequired = "Enter the city in English and in Chinese.";
        public const string TextTooLong = "This text is too long.";
    }

    public static IReadOnlyList<Refusal> Check(EditionDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        var refusals = new List<Refusal>();
        var slug = details.Slug?.Trim().ToLowerInvariant() ?? "";
        if (!SlugPattern().IsMatch(slug))
        {
            refusals.Add(new(nameof(EditionDetails.Slug), Reasons.SlugShape));
        }
        else if (ReservedSlugs.Contains(slug))
        {
            refusals.Add(new(nameof(EditionDetails.Slug), Reasons.SlugReserved));
        }

        if (string.IsNullOrWhiteSpace(details.NameEn))
        {
            refusals.Add(new(nameof(EditionDetails.NameEn), Reasons.NameRequired));
        }

        if (string.IsNullOrWhiteSpace(details.NameZh))
        {
            refusals.Add(new(nameof(EditionDetails.NameZh), Reasons.NameRequired));
        }

        Require(refusals, details.VenueEn, nameof(EditionDetails.VenueEn), Reasons.VenueRequired);
        Require(refusals, details.VenueZh, nameof(EditionDetails.VenueZh), Reasons.VenueRequired);
        Require(refusals, details.CityEn, nameof(EditionDetails.CityEn), Reasons.CityRequired);
        Require(refusals, details.CityZh, nameof(EditionDetails.CityZh), Reasons.CityRequired);
        refusals.AddRange(Texts.TooLong(
            Reasons.TextTooLong,
            (nameof(EditionDetails.NameEn), details.NameEn, NameMaxLength),
            (nameof(EditionDetails.NameZh), details.NameZh, NameMaxLength),
            (nameof(EditionDetails.TaglineEn), details.TaglineEn, TaglineMaxLength),
            (nameof(EditionDetails.TaglineZh), details.TaglineZh, TaglineMaxLength),
            (nameof(EditionDetails.VenueEn), details.VenueEn, VenueMaxLength),
            (nameof(EditionDetails.VenueZh), details.VenueZh, VenueMaxLength),
            (nameof(EditionDetails.CityEn), details.CityEn, CityMaxLength),
            (nameof(EditionDetails.CityZh), details.CityZh, CityMaxLength)));

        if (details.StartDate.Year is < MinYear or > MaxYear || details.EndDate.Year is < MinYear or > MaxYear)
        {
            refusals.Add(new(nameof(EditionDetails.StartDate), Reasons.YearRange));
        }
        else if (details.EndDate < details.StartDate)
        {
            refusals.Add(new(nameof(EditionDetails.EndDate), Reasons.EndBeforeStart));
        }
        else if (details.EndDate.DayNumber - details.StartDate.DayNumber >= MaxDays)
        {
            refusals.Add(new(nameof(EditionDetails.EndDate), Reasons.TooLong));
        }

        if (!IsIanaTimeZone(details.TimeZoneId))
        {
            refusals.Add(new(nameof(EditionDetails.TimeZoneId), Reasons.UnknownTimeZone));
        }

        if (Edition.ParseReminderDays(details.ReminderDays) is null)
        {
            refusals.Add(new(nameof(EditionDetails.ReminderDays), Reasons.ReminderDays));
        }

        return refusals;
    }

    private static void Require(List<Refusal> refusals, string? value, string field, string reason)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            refusals.Add(new(field, reason));
        }
    }

    public static bool IsIanaTimeZone(string? id) =>
        !string.IsNullOrWhiteSpace(id)
        && id.Contains('/', StringComparison.Ordinal)
        && TimeZoneInfo.TryFindSystemTimeZoneById(id.Trim(), out var zone)
        && zone.HasIanaId;

    public async Task<SaveEditionResult> RunAsync(int? id, EditionDetails details, CancellationToken cancellationToken = default)
    {
        var refusals = Check(details);
        if (refusals.Count > 0)
        {
            return new(null, refusals);
        }

        var slug = details.Slug.Trim().ToLowerInvariant();
        if (await db.Editions.AnyAsync(e => e.Slug == slug && e.Id != id, cancellationToken))
        {
            return new(null, [new(nameof(EditionDetails.Slug), Reasons.SlugTaken)]);
        }

        var now = clock.GetUtcNow();
        Edition edition;
        var reprint = false;
        if (id is null)
        {
            edition = Edition.Create(details, now);
            db.Editions.Add(edition);
        }
        else
        {
            var found = await db.Editions.FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
            if (found is null)
            {
                return new(null, [new("", Reasons.NotFound)]);
            }

            edition = found;
            if (await SessionsOutsideAsync(found.Id, details, cancellationToken))
            {
                return new(null, [new(nameof(EditionDetails.StartDate), Reasons.SessionsOutside)]);
            }

            // What every badge prints of the edition: its names and dates.
            var printed = (found.NameEn, found.NameZh, found.StartDate, found.EndDate);
            edition.Apply(details, now);
            reprint = printed != (found.NameEn, found.NameZh, found.StartDate, found.EndDate);
        }

        if (reprint)
        {
            events.RecordBadgesChanged(edition.Id, null);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two organizers saving the same slug at once: the unique index decides, the loser gets the same answer
            // as above. Any other database failure is a bug and stays an exception.
            if (await SlugTakenByAnotherAsync(slug, id, cancellationToken))
            {
                return new(null, [new(nameof(EditionDetails.Slug), Reasons.SlugTaken)]);
            }

            throw;
        }

        return new(edition.Id, []);
    }

    /// <summary>Whether new dates or a new time zone would leave placed sessions outside the edition's days.</summary>
    private async Task<bool> SessionsOutsideAsync(int editionId, EditionDetails details, CancellationToken cancellationToken)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(details.TimeZoneId.Trim());
        var first = Scheduling.ScheduleTime.ToUtc(details.StartDate, TimeOnly.MinValue, zone);
        var last = Scheduling.ScheduleTime.ToUtc(details.EndDate.AddDays(1), TimeOnly.MinValue, zone);
        return await db.Sessions.AnyAsync(s => s.EditionId == editionId && s.StartsAt != null && (s.StartsAt < first || s.EndsAt > last), cancellationToken);
    }

    private async Task<bool> SlugTakenByAnotherAsync(string slug, int? id, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        return await db.Editions.AnyAsync(e => e.Slug == slug && e.Id != id, cancellationToken);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,31}$", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();
}
