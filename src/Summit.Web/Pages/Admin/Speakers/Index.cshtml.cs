using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Summit.Core.Data;
using Summit.Core.Paging;
using Summit.Core.Speakers;
using Summit.Web.Paging;

namespace Summit.Web.Pages.Admin.Speakers;

public sealed class IndexModel(SummitDbContext db) : PageModel
{
    public const int PageSize = 100;

    public IReadOnlyList<SpeakerRow> Rows { get; private set; } = [];

    public string? Query { get; private set; }

    public Pager Pager { get; private set; } = null!;

    /// <summary>The page of the list asked for (<c>?page=</c>); past the end, the last.</summary>
    [FromQuery(Name = Pager.Parameter)]
    public int? PageNumber { get; set; }

    public sealed record SpeakerRow(int Id, string Slug, string? FamilyNameZh, string? GivenNameZh, string? FamilyNameLatin, string? GivenNameLatin, bool LatinFamilyNameFirst, string? Organisation, int Editions, bool IsDemo);

    public async Task OnGetAsync(string? q, CancellationToken cancellationToken)
    {
        Query = q is { Length: <= 100 } ? q.Trim() : null;
        // A page number that is not one is page 1, not a message on the form.
        ModelState.Remove(Pager.Parameter);
        var page = await db.Speakers.AsNoTracking().Matching(Query).InDirectoryOrder()
            .Select(s => new SpeakerRow(
                s.Id, s.Slug, s.FamilyNameZh, s.GivenNameZh, s.FamilyNameLatin, s.GivenNameLatin, s.LatinFamilyNameFirst,
                s.Positions.OrderBy(p => p.Order).Select(p => p.OrganisationEn ?? p.OrganisationZh).FirstOrDefault(),
                s.Editions.Count, s.IsDemo))
            .ToPageAsync(PageNumber, PageSize, cancellationToken);
        (Rows, Pager) = (page.Rows, Pager.For(page, Request));
    }
}
