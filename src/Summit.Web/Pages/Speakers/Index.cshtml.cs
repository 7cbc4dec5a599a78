using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Summit.Core.Data;
using Summit.Core.Editions;
using Summit.Core.Speakers;

namespace Summit.Web.Pages.Speakers;

/// <summary>The speaker directory: <c>/speakers</c> (all editions) and <c>/2021/speakers</c>; search in either script.</summary>
public sealed class IndexModel(SummitDbContext db) : PageModel
{
    public const int PageSize = 60;

    public IReadOnlyList<SpeakerCard> Speakers { get; private set; } = [];

    public Edition? Edition { get; private set; }

    public string? Query { get; private set; }

    public int PageNumber { get; private set; } = 1;

    public bool HasMore { get; private set; }

    public IReadOnlyList<(string Slug, string Name)> PublicEditions { get; private set; } = [];

    public sealed record PositionLine(string? TitleEn, string? TitleZh, string? OrganisationEn, string? OrganisationZh);

    public sealed record SpeakerCard(string Slug, string? FamilyNameZh, string? GivenNameZh, string? FamilyNameLatin, string? GivenNameLatin, bool LatinFamilyNameFirst, string? CountryCode, string? PhotoKey, IReadOnlyList<PositionLine> Positions);

    public async Task<IActionResult> OnGetAsync(string? edition, string? q, int page, CancellationToken cancellationToken)
    {
        Query = q is { Length: <= 100 } ? q.Trim() : null;
        PageNumber = Math.Clamp(page, 1, 10_000);
        var speakers = db.Speakers.AsNoTracking().Published();
        // The public editions, a handful of rows, once: for the list of editions and for the one asked.
        var editions = await db.Editions.AsNoTracking().Public().OrderByDescending(e => e.StartDate).ToListAsync(cancellationToken);
        if (!string.IsNullOrEmpty(edition))
        {
            var slug = edition.ToLowerInvariant();
            Edition = editions.FirstOrDefault(e => e.Slug == slug);
            if (Edition is null)
            {
                return NotFound();
            }

            speakers = speakers.InEdition(slug);
        }

        var chinese = Cultures.IsChinese(System.Globalization.CultureInfo.CurrentUICulture);
        PublicEditions = editions.Select(e => (e.Slug, chinese ? e.NameZh : e.NameEn)).ToList();
        var rows = await speakers.Matching(Query).InDirectoryOrder()
            .Skip((PageNumber - 1) * PageSize).Take(PageSize + 1)
            .Select(s => new SpeakerCard(
                s.Slug, s.FamilyNameZh, s.GivenNameZh, s.FamilyNameLatin, s.GivenNameLatin, s.LatinFamilyNameFirst, s.CountryCode,
                db.SpeakerPhotos.Where(p => p.SpeakerId == s.Id && p.Status == PhotoStatus.Approved).Select(p => p.Key).FirstOrDefault(),
                s.Positions.OrderBy(p => p.Order).Take(2).Select(p => new PositionLine(p.TitleEn, p.TitleZh, p.OrganisationEn, p.OrganisationZh)).ToList()))
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        HasMore = rows.Count > PageSize;
        Speakers = rows.Take(PageSize).ToList();
        return Page();
    }
}
