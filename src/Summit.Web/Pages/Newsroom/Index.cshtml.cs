using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Summit.Core.Data;
using Summit.Core.Press;
using Summit.Web.Press;

namespace Summit.Web.Pages.Newsroom;

/// <summary>
/// The newsroom's desk: what waits for me (drafts sent back or with the speaker's answer; for editors, articles to
/// review and held ones), my articles with their states, and for editors every article.
/// </summary>
public sealed class IndexModel(SummitDbContext db) : PageModel
{
    /// <summary>An article in a list; <paramref name="TimeZoneId"/> is its edition's, the clock its times are shown on.</summary>
    public sealed record Line(int Id, string Slug, string? HeadlineEn, string? HeadlineZh, ArticleStatus Status, SignOffStatus SignOff, DateTimeOffset UpdatedAt, DateTimeOffset? PublishAt, string TimeZoneId)
    {
        public TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);
    }

    public ArticleActor Actor { get; private set; } = null!;

    public IReadOnlyList<Line> Waiting { get; private set; } = [];

    public IReadOnlyList<Line> Mine { get; private set; } = [];

    /// <summary>Every article, for editors; empty for others.</summary>
    public IReadOnlyList<Line> All { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Actor = PressActors.Of(User)!;
        var userId = Actor.UserId;
        var lines = db.Articles.AsNoTracking().OrderByDescending(a => a.UpdatedAt)
            .Select(a => new { Line = new Line(a.Id, a.Slug, a.HeadlineEn, a.HeadlineZh, a.Status, a.SignOff, a.UpdatedAt, a.PublishAt, db.Editions.Where(e => e.Id == a.EditionId).Select(e => e.TimeZoneId).First()), Mine = a.Authors.Any(x => x.UserId == userId) });
        var visible = Actor.IsEditor ? await lines.Take(500).ToListAsync(cancellationToken) : await lines.Where(a => a.Mine).Take(500).ToListAsync(cancellationToken);
        Mine = visible.Where(a => a.Mine).Select(a => a.Line).ToList();
        All = Actor.IsEditor ? visible.Select(a => a.Line).ToList() : [];
        Waiting = visible.Where(a =>
                (a.Mine && a.Line.Status == ArticleStatus.Draft && a.Line.SignOff != SignOffStatus.NotRequested)
                || (a.Mine && a.Line.Status == ArticleStatus.Held)
                || (Actor.IsEditor && a.Line.Status is ArticleStatus.EditorReview or ArticleStatus.Held))
            .Select(a => a.Line).ToList();
    }
}
