using Microsoft.EntityFrameworkCore;
using Summit.Core.Data;
using Summit.Core.Editions;
using Summit.Core.Mail;
using Summit.Core.Press;
using Summit.Core.Registrations;
using Summit.Core.Scheduling;

namespace Summit.Core.Dashboard;

/// <summary>A count on a day (or in a quarter hour) for one series of a chart.</summary>
public sealed record GlancePoint(string Label, IReadOnlyList<int> Values);

/// <summary>One chart of the organizer's home: its series (the legend) and its points in order.</summary>
public sealed record GlanceChart(IReadOnlyList<string> Series, IReadOnlyList<GlancePoint> Points)
{
    public int Max => Points.Count == 0 ? 0 : Points.Max(p => p.Values.Sum());

    public int Total => Points.Sum(p => p.Values.Sum());
}

/// <summary>The current edition at a glance, for /admin.</summary>
public sealed record Glance(
    Edition Edition,
    GlanceChart RegistrationsPerDay,
    GlanceChart CheckInsPerQuarterHour,
    DateOnly? CheckInDay,
    IReadOnlyList<(MailStatus Status, int Count)> Emails,
    IReadOnlyList<(ArticleStatus Status, int Count)> Press);

/// <summary>
/// The edition an organizer is most likely working on (the next one to happen, else the latest) and its figures:
/// registrations per day of the last four weeks by category (names in the reader's language), check-ins per quarter
/// hour of the latest day with any, emails of the last four weeks by state, and articles by state.
/// </summary>
public sealed class EditionGlance(SummitDbContext db, TimeProvider clock)
{
    public const int Days = 28;

    public async Task<Glance?> ForAsync(bool chinese, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var edition = await db.Editions.AsNoTracking().Where(e => e.EndDate >= today).OrderBy(e => e.StartDate).FirstOrDefaultAsync(cancellationToken)
                      ?? await db.Editions.AsNoTracking().OrderByDescending(e => e.StartDate).FirstOrDefaultAsync(cancellationToken);
        if (edition is null)
        {
            return null;
        }

        var zone = edition.TimeZone;
        var from = now.AddDays(-Days);
        var categories = await db.RegistrationCategories.AsNoTracking().Where(c => c.EditionId == edition.Id).OrderBy(c => c.Order).ThenBy(c => c.Id)
            .Select(c => new { c.Id, c.NameEn, c.NameZh }).ToListAsync(cancellationToken);
        var registered = await db.Registrations.AsNoTracking().Where(r => r.EditionId == edition.Id && r.CreatedAt >= from)
            .Select(r => new { r.CategoryId, r.CreatedAt }).ToListAsync(cancellationToken);
        var lastDay = ScheduleTime.Day(now, zone);
        var perDay = Enumerable.Range(0, Days).Select(i => lastDay.AddDays(i - Days + 1)).Select(day => new GlancePoint(
            day.ToString("MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            [.. categories.Select(c => registered.Count(r => r.CategoryId == c.Id && ScheduleTime.Day(r.CreatedAt, zone) == day))])).ToList();

        var scans = await db.CheckInScans.AsNoTracking().Where(s => s.EditionId == edition.Id && s.Result == CheckInResult.Welcome)
            .Select(s => s.At).ToListAsync(cancellationToken);
        DateOnly? checkInDay = scans.Count == 0 ? null : scans.Select(s => ScheduleTime.Day(s, zone)).Max();
        var quarters = new List<GlancePoint>();
        if (checkInDay is { } d)
        {
            var local = scans.Select(s => ScheduleTime.Local(s, zone)).Where(t => DateOnly.FromDateTime(t.DateTime) == d).ToList();
            var first = local.Min(t => (t.Hour * 4) + (t.Minute / 15));
            var last = local.Max(t => (t.Hour * 4) + (t.Minute / 15));
            for (var q = first; q <= last; q++)
            {
                quarters.Add(new GlancePoint($"{q / 4:00}:{q % 4 * 15:00}", [local.Count(t => (t.Hour * 4) + (t.Minute / 15) == q)]));
            }
        }

        var emails = (await db.OutgoingMails.AsNoTracking().Where(m => m.CreatedAt >= from).GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken))
            .ToDictionary(x => x.Key, x => x.Count);
        var articles = (await db.Articles.AsNoTracking().Where(a => a.EditionId == edition.Id).GroupBy(a => a.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken))
            .ToDictionary(x => x.Key, x => x.Count);
        return new Glance(
            edition,
            new GlanceChart([.. categories.Select(c => chinese ? c.NameZh : c.NameEn)], perDay),
            // One series; its name is a key the page translates.
            new GlanceChart(["Check-ins"], quarters),
            checkInDay,
            [.. Enum.GetValues<MailStatus>().Select(s => (s, emails.GetValueOrDefault(s)))],
            [.. Enum.GetValues<ArticleStatus>().Select(s => (s, articles.GetValueOrDefault(s)))]);
    }
}
