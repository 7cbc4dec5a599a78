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

    public sealed record SpeakerRow(int Id, string Slug, string? FamilyNameZh, string? GivenNameZh, string? FamilyNameLatin, string? GivenNameLatin, bool LatinFamilyNameFirst, string? Organisation, int Editions, bool IsDemo, bool PhotoPending);

    /// <summary>Only the speakers with a photo waiting for approval (<c>?photos=pending</c>, linked from /admin).</summary>
    public bool PendingPhotosOnly { get; private set; }

    /// <summary>How many speakers have a photo waiting, whatever the search.</summary>
    public int PendingPhotos { get; private set; }

    public async Task OnGetAsync(string? q, string? photos, CancellationToken cancellationToken)
    {
        Query = q is { Length: <= 100 } ? q.Trim() : null;
        PendingPhotosOnly = photos == "pending";
        // A page number that is not one is page 1, not a message on the form.
        ModelState.Remove(Pager.Parameter);
        PendingPhotos = await db.Speakers.CountAsync(s => db.SpeakerPhotos.Any(p => p.SpeakerId == s.Id && p.Status == PhotoStatus.Pending), cancellationToken);
        var speakers = db.Speakers.AsNoTracking().Matching(Query);
        if (PendingPhotosOnly)
        {
            speakers = speakers.Where(s => db.SpeakerPhotos.Any(p => p.SpeakerId == s.Id && p.Status == PhotoStatus.Pending));
        }

        var page = await speakers.InDirectoryOrder()
            .Select(s => new SpeakerRow(
                s.Id, s.Slug, s.FamilyNameZh, s.GivenNameZh, s.FamilyNameLatin, s.GivenNameLatin, s.LatinFamilyNameFirst,
                s.Positions.OrderBy(p => p.Order).Select(p => p.OrganisationEn ?? p.OrganisationZh).FirstOrDefault(),
                s.Editions.Count, s.IsDemo, db.SpeakerPhotos.Any(p => p.SpeakerId == s.Id && p.Status == PhotoStatus.Pending)))
            .ToPageAsync(PageNumber, PageSize, cancellationToken);
        (Rows, Pager) = (page.Rows, Pager.For(page, Request));
    }
}
