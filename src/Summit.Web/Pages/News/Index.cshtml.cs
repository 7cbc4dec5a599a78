using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Summit.Core.Data;
using Summit.Core.Editions;
using Summit.Core.Press;
using Summit.Core.Speakers;

namespace Summit.Web.Pages.News;

/// <summary>The newsroom's public side: published articles, newest first, by edition, tag or speaker, 20 a page.</summary>
public sealed class IndexModel(SummitDbContext db) : PageModel
{
    public const int PageSize = 20;

    public IReadOnlyList<ArticleSummary> Articles { get; private set; } = [];

    public IReadOnlyList<(string Slug, string NameEn, string NameZh)> Editions { get; private set; } = [];

    public string? EditionSlug { get; private set; }

    public string? Tag { get; private set; }

    public Speaker? Speaker { get; private set; }

    public int PageNumber { get; private set; } = 1;

    public bool HasMore { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? edition, string? tag, string? speaker, int? page, CancellationToken cancellationToken)
    {
        Editions = (await db.Editions.AsNoTracking().Public().OrderByDescending(e => e.StartDate).Select(e => new { e.Slug, e.NameEn, e.NameZh }).ToListAsync(cancellationToken))
            .Select(e => (e.Slug, e.NameEn, e.NameZh)).ToList();
        int? editionId = null;
        if (!string.IsNullOrWhiteSpace(edition))
        {
            var slug = edition.Trim().ToLowerInvariant();
            editionId = await db.Editions.AsNoTracking().Public().Where(e => e.Slug == slug).Select(e => (int?)e.Id).FirstOrDefaultAsync(cancellationToken);
            if (editionId is null)
            {
                return NotFound();
            }

            EditionSlug = slug;
        }

        if (!string.IsNullOrWhiteSpace(speaker))
        {
            var slug = speaker.Trim().ToLowerInvariant();
            Speaker = await db.Speakers.AsNoTracking().Published().FirstOrDefaultAsync(s => s.Slug == slug, cancellationToken);
            if (Speaker is null)
            {
                return NotFound();
            }
        }

        Tag = string.IsNullOrWhiteSpace(tag) ? null : tag.Trim();
        PageNumber = Math.Clamp(page ?? 1, 1, 10_000);
        var found = await db.Articles.AsNoTracking().Published().Filter(db, editionId, Tag, Speaker?.Id).Summaries()
            .Skip((PageNumber - 1) * PageSize).Take(PageSize + 1).ToListAsync(cancellationToken);
        HasMore = found.Count > PageSize;
        Articles = found.Take(PageSize).ToList();
        return Page();
    }
}
