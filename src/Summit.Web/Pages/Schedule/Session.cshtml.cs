using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Summit.Core.Data;
using Summit.Core.Scheduling;
using Summit.Web.Scheduling;

namespace Summit.Web.Pages.Schedule;

/// <summary>
/// One session as published: speakers in both scripts, room and interpretation, abstract in the visitor's language.
/// One copy for everyone signed in: whether it is in their agenda comes by script (decision 0020).
/// </summary>
[OutputCache(PolicyName = ProgrammeCachePolicy.Name)]
[PersonalByScript]
public sealed class SessionModel(ProgrammeReader reader, PublicProgrammes programmes, SummitDbContext db) : PageModel
{
    public Programme Programme { get; private set; } = null!;

    public ProgrammeSession? Session { get; private set; }

    /// <summary>Set when the session was on an earlier version but is not on the current one.</summary>
    public bool Removed { get; private set; }

    /// <summary>Published articles covering the session, newest first.</summary>
    public IReadOnlyList<Summit.Core.Press.ArticleSummary> Coverage { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string edition, int id, CancellationToken cancellationToken)
    {
        var programme = await programmes.LatestAsync(edition, reader, cancellationToken);
        if (programme is null)
        {
            return NotFound();
        }

        Programme = programme;
        Session = programme.Sessions.FirstOrDefault(s => s.Id == id);
        if (Session is null)
        {
            Removed = await db.PublishedSessions.AnyAsync(p => p.SessionId == id && db.ScheduleVersions.Any(v => v.Id == p.VersionId && v.EditionId == programme.Edition.Id), cancellationToken);
            if (!Removed)
            {
                return NotFound();
            }

            Response.StatusCode = StatusCodes.Status410Gone;
            return Page();
        }

        Coverage = await Summit.Core.Press.ArticleQueries.Summaries(Summit.Core.Press.ArticleQueries.Filter(Summit.Core.Press.ArticleQueries.Published(db.Articles.AsNoTracking()), db, null, null, null, id))
            .Take(10).ToListAsync(cancellationToken);
        return Page();
    }
}
