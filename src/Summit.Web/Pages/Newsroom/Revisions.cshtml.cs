using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Summit.Core.Data;
using Summit.Core.Press;
using Summit.Web.Localization;
using Summit.Web.Press;

namespace Summit.Web.Pages.Newsroom;

/// <summary>An article's revisions: every save, one shown whole, two compared line by line, one restored.</summary>
public sealed class RevisionsModel(SummitDbContext db, RestoreArticleRevision restore, IStringLocalizer<SharedResource> L) : PageModel
{
    public Article Article { get; private set; } = null!;

    /// <summary>The article's edition's zone: revision times are shown on its clock.</summary>
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    public IReadOnlyList<ArticleRevision> Revisions { get; private set; } = [];

    /// <summary>The revision shown whole (?show=N).</summary>
    public (ArticleRevision Revision, ArticleContent Content)? Shown { get; private set; }

    /// <summary>The comparison (?a=N&amp;b=M): older and newer numbers, and the changed fields.</summary>
    public (int Older, int Newer, IReadOnlyList<FieldDiff> Fields)? Comparison { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, int? show, int? a, int? b, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (show is int number && Revisions.FirstOrDefault(r => r.Number == number) is { } revision && ArticleRules.ReadSnapshot(revision.Snapshot) is { } content)
        {
            Shown = (revision, content);
        }

        if (a is int first && b is int second
            && Revisions.FirstOrDefault(r => r.Number == Math.Min(first, second)) is { } older && Revisions.FirstOrDefault(r => r.Number == Math.Max(first, second)) is { } newer
            && ArticleRules.ReadSnapshot(older.Snapshot) is { } before && ArticleRules.ReadSnapshot(newer.Snapshot) is { } after)
        {
            Comparison = (older.Number, newer.Number, RevisionDiff.Compare(before, after));
        }

        return Page();
    }

    public async Task<IActionResult> OnPostRestoreAsync(int id, int number, string? correctionNote, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var outcome = await restore.RunAsync(PressActors.Of(User)!, id, number, Article.Revision, string.IsNullOrWhiteSpace(correctionNote) ? null : correctionNote, cancellationToken);
        if (!outcome.Succeeded)
        {
            ModelState.AddRefusals(outcome.Refusals, L, prefix: "");
            return Page();
        }

        TempData["Message"] = L["Revision {0} restored as a new revision.", number].Value;
        return RedirectToPage("/Newsroom/Article", new { id });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var actor = PressActors.Of(User);
        var article = await db.Articles.AsNoTracking().Include(x => x.Authors).FirstOrDefaultAsync(x => x.Id == id, cancellationToken);
        if (article is null || actor is null || !ArticleRules.MayEdit(article, actor))
        {
            return false;
        }

        Article = article;
        Zone = TimeZoneInfo.FindSystemTimeZoneById(await db.Editions.Where(e => e.Id == article.EditionId).Select(e => e.TimeZoneId).FirstAsync(cancellationToken));
        Revisions = await db.ArticleRevisions.AsNoTracking().Where(r => r.ArticleId == id).OrderByDescending(r => r.Number).ToListAsync(cancellationToken);
        return true;
    }
}
