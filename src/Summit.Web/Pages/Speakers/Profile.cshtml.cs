using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Summit.Core.Accounts;
using Summit.Core.Data;
using Summit.Core.Editions;
using Summit.Core.Speakers;

namespace Summit.Web.Pages.Speakers;

public sealed class ProfileModel(SummitDbContext db) : PageModel
{
    public Speaker Speaker { get; private set; } = null!;

    public IReadOnlyList<EditionLine> Editions { get; private set; } = [];

    public SpeakerPhoto? Photo { get; private set; }

    public sealed record EditionLine(string Slug, string NameEn, string NameZh, DateOnly StartDate);

    public sealed record SessionLine(string EditionSlug, string TimeZoneId, int Id, string TitleEn, string TitleZh, DateTimeOffset StartsAt, DateTimeOffset EndsAt, bool Cancelled);

    /// <summary>The speaker's sessions on the latest published programme of each public edition.</summary>
    public IReadOnlyList<SessionLine> Sessions { get; private set; } = [];

    /// <summary>Published articles covering the speaker, newest first.</summary>
    public IReadOnlyList<Summit.Core.Press.ArticleSummary> InThePress { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var key = slug.ToLowerInvariant();
        var visible = User.IsInRole(Roles.Organizer) ? db.Speakers.AsNoTracking() : db.Speakers.AsNoTracking().Published();
        // The speaker, the approved photo and the public editions in one statement (a photo at most: no cartesian product).
        var found = await visible.Where(s => s.Slug == key).Select(s => new
        {
            Speaker = s,
            Photo = db.SpeakerPhotos.Where(p => p.SpeakerId == s.Id && p.Status == PhotoStatus.Approved).OrderBy(p => p.Id).Take(1).ToList(),
            Editions = s.Editions
                .Where(se => se.Edition!.Status != EditionStatus.Draft)
                .OrderByDescending(se => se.Edition!.StartDate)
                .Select(se => new EditionLine(se.Edition!.Slug, se.Edition.NameEn, se.Edition.NameZh, se.Edition.StartDate))
                .ToList(),
        }).AsSingleQuery().FirstOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return NotFound();
        }

        var speaker = found.Speaker;
        Speaker = speaker;
        Photo = found.Photo.FirstOrDefault();
        Editions = found.Editions;
        Sessions = await (
                from published in db.PublishedSessions.AsNoTracking()
                join version in db.ScheduleVersions on published.VersionId equals version.Id
                join edition in db.Editions on version.EditionId equals edition.Id
                where edition.Status != EditionStatus.Draft
                      && version.Number == db.ScheduleVersions.Where(v => v.EditionId == edition.Id).Max(v => v.Number)
                      && published.Speakers.Any(x => x.SpeakerId == speaker.Id)
                orderby published.StartsAt
                select new SessionLine(edition.Slug, edition.TimeZoneId, published.SessionId, published.TitleEn, published.TitleZh, published.StartsAt, published.EndsAt, published.IsCancelled))
            .ToListAsync(cancellationToken);
        InThePress = await Summit.Core.Press.ArticleQueries.Summaries(Summit.Core.Press.ArticleQueries.Filter(Summit.Core.Press.ArticleQueries.Published(db.Articles.AsNoTracking()), db, null, null, speaker.Id))
            .Take(10).ToListAsync(cancellationToken);
        return Page();
    }
}
