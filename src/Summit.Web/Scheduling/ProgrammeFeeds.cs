using System.Globalization;
using System.Text;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Summit.Core.Data;
using Summit.Core.Editions;
using Summit.Core.Scheduling;
using Summit.Jobs.Scheduling;
using Summit.Web.Hosting;

namespace Summit.Web.Scheduling;

/// <summary>
/// The programme's machine-readable addresses: iCalendar (whole schedule, one session, one speaker, a personal feed),
/// the C3VOC schedule in XML and JSON, and the track colours as a stylesheet. All read the latest published version;
/// the public ones are output-cached per version.
/// </summary>
public static class ProgrammeFeeds
{
    public static IEndpointRouteBuilder MapProgrammeFeeds(this IEndpointRouteBuilder app)
    {
        // The exports read one parameter, lang=zh; any other value of it is sent to the English address.
        var lang = new CachedQueryAttribute(Lang);
        app.MapGet("/{edition}/schedule.ics", ScheduleIcsAsync).CacheOutput(ProgrammeCachePolicy.Name).WithMetadata(lang).AddEndpointFilter(CanonicalLang).ExcludeFromDescription();
        app.MapGet("/{edition}/sessions/{id:int}.ics", SessionIcsAsync).CacheOutput(ProgrammeCachePolicy.Name).WithMetadata(lang).AddEndpointFilter(CanonicalLang).ExcludeFromDescription();
        app.MapGet("/{edition}/schedule.xml", ScheduleXmlAsync).CacheOutput(ProgrammeCachePolicy.Name).WithMetadata(lang).AddEndpointFilter(CanonicalLang).ExcludeFromDescription();
        app.MapGet("/{edition}/schedule.json", ScheduleJsonAsync).CacheOutput(ProgrammeCachePolicy.Name).WithMetadata(lang).AddEndpointFilter(CanonicalLang).ExcludeFromDescription();
        app.MapGet("/{edition}/schedule.css", TrackStylesAsync).CacheOutput(ProgrammeCachePolicy.Name).ExcludeFromDescription();
        app.MapGet("/{edition}/programme.pdf", ProgrammePdfAsync).ExcludeFromDescription();
        app.MapGet("/schedule", CurrentScheduleAsync).ExcludeFromDescription();
        app.MapGet("/speakers/{slug}.ics", SpeakerIcsAsync).ExcludeFromDescription();
        app.MapGet("/feeds/agenda/{token}.ics", AgendaIcsAsync).ExcludeFromDescription();
        return app;
    }

    private const string Lang = "lang";

    private static bool Chinese(HttpContext http) => http.Request.Query[Lang] == "zh";

    /// <summary>Sends <c>lang</c> with any value but <c>zh</c> (or given twice) to the address without it, so the cache keeps two copies, not one per value.</summary>
    private static ValueTask<object?> CanonicalLang(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.HttpContext.Request;
        var lang = request.Query[Lang];
        return lang.Count == 0 || (lang.Count == 1 && lang[0] == "zh")
            ? next(context)
            : ValueTask.FromResult<object?>(Results.Redirect(request.PathBase + request.Path));
    }

    private static async Task<IResult> ScheduleIcsAsync(string edition, ProgrammeReader reader, PublicProgrammes programmes, HttpContext http, CancellationToken cancellationToken)
    {
        var programme = await programmes.LatestAsync(edition, reader, cancellationToken);
        if (programme?.Version is null)
        {
            return Results.NotFound();
        }

        var chinese = Chinese(http);
        var sessions = programme.Sessions.Where(s => !s.Type.IsBreak).Select(s => (programme, s));
        return Calendar(ProgrammeCalendar.Write(sessions, programme.Edition.Name(chinese), chinese, http.PublicUri("/")), $"{programme.Edition.Slug}.ics");
    }

    private static async Task<IResult> SessionIcsAsync(string edition, int id, ProgrammeReader reader, PublicProgrammes programmes, HttpContext http, CancellationToken cancellationToken)
    {
        var programme = await programmes.LatestAsync(edition, reader, cancellationToken);
        var session = programme?.Sessions.FirstOrDefault(s => s.Id == id && !s.Type.IsBreak);
        if (programme is null || session is null)
        {
            return Results.NotFound();
        }

        var chinese = Chinese(http);
        return Calendar(ProgrammeCalendar.Write([(programme, session)], session.Title(chinese), chinese, http.PublicUri("/")), $"{programme.Edition.Slug}-session-{id}.ics");
    }

    private static async Task<IResult> ScheduleXmlAsync(string edition, ProgrammeReader reader, PublicProgrammes programmes, HttpContext http, CancellationToken cancellationToken)
    {
        var programme = await programmes.LatestAsync(edition, reader, cancellationToken);
        return programme?.Version is null
            ? Results.NotFound()
            : Results.Text(ScheduleExchange.Xml(programme, Chinese(http), http.PublicUri("/")), "application/xml; charset=utf-8", Encoding.UTF8);
    }

    private static async Task<IResult> ScheduleJsonAsync(string edition, ProgrammeReader reader, PublicProgrammes programmes, HttpContext http, CancellationToken cancellationToken)
    {
        var programme = await programmes.LatestAsync(edition, reader, cancellationToken);
        return programme?.Version is null
            ? Results.NotFound()
            : Results.Text(ScheduleExchange.Json(programme, Chinese(http), http.PublicUri("/")), "application/json; charset=utf-8", Encoding.UTF8);
    }

    /// <summary>The menu's "Schedule": the current edition's (the open one, else the latest public one).</summary>
    private static async Task<IResult> CurrentScheduleAsync(SummitDbContext db, CancellationToken cancellationToken)
    {
        var slug = await db.Editions.AsNoTracking().CurrentFirst().Select(e => e.Slug).FirstOrDefaultAsync(cancellationToken);
        return slug is null ? Results.Redirect("/") : Results.Redirect($"/{slug}/schedule");
    }

    /// <summary>
    /// The printed programme of the latest version, rendered in the background when the version was published. If it
    /// is not there yet (just published, or the file store was emptied), it is queued again and the visitor sees a
    /// page that explains and retries.
    /// </summary>
    private static async Task<IResult> ProgrammePdfAsync(string edition, SummitDbContext db, ProgrammeReader reader, ProgrammePdfStore store, IBackgroundJobClient jobs, IMemoryCache asked, CancellationToken cancellationToken)
    {
        var slug = edition.ToLowerInvariant();
        if (!await db.Editions.Public().WithSlug(slug).AnyAsync(cancellationToken))
        {
            return Results.NotFound();
        }

        var version = await reader.LatestNumberAsync(slug, cancellationToken);
        if (version > 0 && await store.OpenReadAsync(slug, version, cancellationToken) is { } open)
        {
            return Hosting.StoredFileResults.Serve(open, "application/pdf", $"ccifs-{slug}-programme-v{version}.pdf");
        }

        // Once per version and node every few minutes, however many visitors wait: the job itself skips a file that exists.
        if (version > 0 && !asked.TryGetValue($"programme-pdf-asked:{slug}:{version}", out _))
        {
            asked.Set($"programme-pdf-asked:{slug}:{version}", true, TimeSpan.FromMinutes(5));
            jobs.Enqueue<RenderProgrammePdfJob>(job => job.RunAsync(slug, version, CancellationToken.None));
        }

        return Results.Redirect($"/{slug}/programme");
    }

    /// <summary>Organizers pick any track colour; a stylesheet carries it, since the page's CSP forbids inline styles.</summary>
    private static async Task<IResult> TrackStylesAsync(string edition, SummitDbContext db, HttpContext http, CancellationToken cancellationToken)
    {
        var slug = edition.ToLowerInvariant();
        // Organizers see a draft edition's colours in the editor; the public only a public edition's.
        var organizer = http.User.IsInRole(Core.Accounts.Roles.Organizer);
        var tracks = await db.Tracks.AsNoTracking()
            .Where(t => db.Editions.Any(e => e.Id == t.EditionId && e.Slug == slug && (organizer || e.Status != EditionStatus.Draft)))
            .Select(t => new { t.Id, t.Colour })
            .ToListAsync(cancellationToken);
        var css = new StringBuilder();
        foreach (var track in tracks)
        {
            // Colours were checked as #rrggbb when saved; nothing else can reach this text.
            css.Append(CultureInfo.InvariantCulture, $".track-{track.Id}{{border-left-color:{track.Colour}}}\n");
        }

        return Results.Text(css.ToString(), "text/css; charset=utf-8", Encoding.UTF8);
    }

    /// <summary>Every published, non-break session a speaker is on, across all public editions.</summary>
    private static async Task<IResult> SpeakerIcsAsync(string slug, SummitDbContext db, ProgrammeReader reader, PublicProgrammes programmes, HttpContext http, CancellationToken cancellationToken)
    {
        var lowered = slug.ToLowerInvariant();
        var speaker = await db.Speakers.AsNoTracking().Where(s => s.Slug == lowered)
            .Select(s => new { s.Id, s.FamilyNameZh, s.GivenNameZh, s.FamilyNameLatin, s.GivenNameLatin, s.LatinFamilyNameFirst })
            .FirstOrDefaultAsync(cancellationToken);
        if (speaker is null)
        {
            return Results.NotFound();
        }

        var chinese = Chinese(http);
        var sessions = new List<(Programme, ProgrammeSession)>();
        foreach (var edition in await EditionsWithSpeakerAsync(db, speaker.Id, cancellationToken))
        {
            if (await programmes.LatestAsync(edition, reader, cancellationToken) is { } programme)
            {
                sessions.AddRange(programme.Sessions.Where(s => s.Speakers.Any(p => p.Id == speaker.Id)).Select(s => (programme, s)));
            }
        }

        if (sessions.Count == 0)
        {
            return Results.NotFound();
        }

        var name = Core.Speakers.SpeakerNames.Display(speaker.FamilyNameZh, speaker.GivenNameZh, speaker.FamilyNameLatin, speaker.GivenNameLatin, speaker.LatinFamilyNameFirst, chinese);
        return Calendar(ProgrammeCalendar.Write(sessions, name, chinese, http.PublicUri("/")), $"{slug}.ics");
    }

    /// <summary>The personal feed: the starred sessions, by secret token, so calendar apps can subscribe without signing in.</summary>
    private static async Task<IResult> AgendaIcsAsync(string token, PersonalAgenda agenda, SummitDbContext db, ProgrammeReader reader, PublicProgrammes programmes, HttpContext http, CancellationToken cancellationToken)
    {
        var userId = await agenda.OwnerOfFeedAsync(token, cancellationToken);
        if (userId is null)
        {
            return Results.NotFound();
        }

        http.Response.Headers.CacheControl = "private, no-store";
        http.Response.Headers["X-Robots-Tag"] = "noindex";
        var culture = await db.Users.Where(u => u.Id == userId).Select(u => u.PreferredCulture).FirstOrDefaultAsync(cancellationToken);
        var chinese = Chinese(http) || Cultures.IsChinese(culture);
        var starred = await db.AgendaStars.AsNoTracking().Where(s => s.UserId == userId).Select(s => s.SessionId).ToListAsync(cancellationToken);
        var editions = await db.Sessions.AsNoTracking().Where(s => starred.Contains(s.Id))
            .Select(s => db.Editions.Where(e => e.Id == s.EditionId).Select(e => e.Slug).First())
            .Distinct().ToListAsync(cancellationToken);
        var sessions = new List<(Programme, ProgrammeSession)>();
        foreach (var edition in editions)
        {
            if (await programmes.LatestAsync(edition, reader, cancellationToken) is { } programme)
            {
                sessions.AddRange(programme.Sessions.Where(s => starred.Contains(s.Id)).Select(s => (programme, s)));
            }
        }

        return Calendar(ProgrammeCalendar.Write(sessions, chinese ? "我的峰会日程" : "My summit agenda", chinese, http.PublicUri("/")), "agenda.ics");
    }

    private static async Task<List<string>> EditionsWithSpeakerAsync(SummitDbContext db, int speakerId, CancellationToken cancellationToken) =>
        await db.Editions.AsNoTracking()
            .Where(e => e.Status != EditionStatus.Draft
                        && db.ScheduleVersions.Any(v => v.EditionId == e.Id && v.Sessions.Any(s => s.Speakers.Any(p => p.SpeakerId == speakerId))))
            .Select(e => e.Slug)
            .ToListAsync(cancellationToken);

    private static IResult Calendar(string text, string fileName) =>
        Results.File(Encoding.UTF8.GetBytes(text), ProgrammeCalendar.ContentType, fileName);
}
