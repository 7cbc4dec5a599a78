using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Summit.Core.Scheduling;
using Summit.Web.Scheduling;

namespace Summit.Web.Pages.Schedule;

/// <summary>
/// The public schedule of the latest published version: days as tabs, a room grid or a list, filters, and times in
/// the edition's zone or the visitor's own. One copy for everyone signed in: their stars come by script (decision 0020).
/// A parameter it cannot show as asked (an unknown day or track, a zone that does not exist) is sent to the address
/// of what it does show, so the cache stores only what the page can show.
/// </summary>
[OutputCache(PolicyName = ProgrammeCachePolicy.Name)]
[CachedQuery(Parameters.Day, Parameters.View, Parameters.Track, Parameters.Type, Parameters.Language, Parameters.Zone)]
[PersonalByScript]
public sealed class IndexModel(ProgrammeReader reader, PublicProgrammes programmes) : PageModel
{
    /// <summary>The query parameters the page reads.</summary>
    internal static class Parameters
    {
        public const string Day = "day";
        public const string View = "view";
        public const string Track = "track";
        public const string Type = "type";
        public const string Language = "language";
        public const string Zone = "tz";
    }

    public Programme Programme { get; private set; } = null!;

    public DateOnly Day { get; private set; }

    public bool ListView { get; private set; }

    public int? TrackId { get; private set; }

    public int? TypeId { get; private set; }

    public SessionLanguage? Language { get; private set; }

    /// <summary>The zone times are shown in: the edition's, unless the visitor chose theirs.</summary>
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    public bool OwnZone { get; private set; }

    public IReadOnlyList<ProgrammeSession> Sessions { get; private set; } = [];

    public ScheduleGrid? Grid { get; private set; }

    public async Task<IActionResult> OnGetAsync(string edition, string? day, string? view, int? track, int? type, string? language, string? tz, CancellationToken cancellationToken)
    {
        var programme = await programmes.LatestAsync(edition, reader, cancellationToken);
        if (programme is null)
        {
            return NotFound();
        }

        Programme = programme;
        Zone = programme.Zone;
        if (!string.IsNullOrWhiteSpace(tz) && tz != programme.Edition.TimeZoneId && ViewerZones.TryFind(tz, out var viewerZone))
        {
            Zone = viewerZone;
            OwnZone = true;
        }

        Day = DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var chosen) && programme.Days.Contains(chosen)
            ? chosen
            : programme.Days[0];
        ListView = view == "list";
        TrackId = programme.Tracks.Any(t => t.Id == track) ? track : null;
        TypeId = programme.Types.Any(t => t.Id == type) ? type : null;
        Language = Enum.TryParse<SessionLanguage>(language, ignoreCase: false, out var lang) && Enum.IsDefined(lang) ? lang : null;

        Sessions = programme.On(Day)
            .Where(s => TrackId is null || s.Track?.Id == TrackId)
            .Where(s => TypeId is null || s.Type.Id == TypeId)
            .Where(s => Language is null || s.Published.Language == Language || s.Published.Language == SessionLanguage.EnglishAndChinese)
            .ToList();
        if (!Shown(day, view, tz))
        {
            return Redirect(Link());
        }

        if (!ListView)
        {
            Grid = ScheduleGrid.Build(Sessions, programme.Rooms);
        }

        return Page();
    }

    /// <summary>Whether every parameter the page reads was given once and shows as asked (empty filters are "all").</summary>
    private bool Shown(string? day, string? view, string? tz)
    {
        var query = Request.Query;
        if (new[] { Parameters.Day, Parameters.View, Parameters.Track, Parameters.Type, Parameters.Language, Parameters.Zone }.Any(k => query[k].Count > 1))
        {
            return false;
        }

        static bool Empty(string? value) => string.IsNullOrEmpty(value);
        return (day is null || day == Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
            && (view is null or "grid" or "list")
            && (Empty(query[Parameters.Track]) || TrackId?.ToString(CultureInfo.InvariantCulture) == query[Parameters.Track])
            && (Empty(query[Parameters.Type]) || TypeId?.ToString(CultureInfo.InvariantCulture) == query[Parameters.Type])
            && (Empty(query[Parameters.Language]) || Language?.ToString() == query[Parameters.Language])
            && (Empty(tz) || tz == Programme.Edition.TimeZoneId || (OwnZone && tz == Zone.Id));
    }

    /// <summary>This page's address with some parameters changed, keeping the others (day tabs, view switch).</summary>
    public string Link(string? day = null, string? view = null, bool keepZone = true)
    {
        var query = new List<string> { "day=" + (day ?? Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) };
        if ((view ?? (ListView ? "list" : "grid")) == "list")
        {
            query.Add("view=list");
        }

        if (TrackId is int t)
        {
            query.Add("track=" + t.ToString(CultureInfo.InvariantCulture));
        }

        if (TypeId is int y)
        {
            query.Add("type=" + y.ToString(CultureInfo.InvariantCulture));
        }

        if (Language is { } l)
        {
            query.Add("language=" + l);
        }

        if (OwnZone && keepZone)
        {
            query.Add("tz=" + Uri.EscapeDataString(Zone.Id));
        }

        return $"/{Programme.Edition.Slug}/schedule?" + string.Join('&', query);
    }
}
