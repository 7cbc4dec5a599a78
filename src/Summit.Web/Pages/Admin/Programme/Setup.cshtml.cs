using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Summit.Core.Data;
using Summit.Core.Editions;
using Summit.Core.Scheduling;
using Summit.Web.Localization;

namespace Summit.Web.Pages.Admin.Programme;

/// <summary>An edition's venues, rooms, tracks and session types: each row is its own small form.</summary>
public sealed class SetupModel(SummitDbContext db, SaveProgrammeItem save, IStringLocalizer<SharedResource> L) : PageModel
{
    public Edition Edition { get; private set; } = null!;

    public IReadOnlyList<Venue> Venues { get; private set; } = [];

    public IReadOnlyList<Room> Rooms { get; private set; } = [];

    public IReadOnlyList<Track> Tracks { get; private set; } = [];

    public IReadOnlyList<SessionType> Types { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(string edition, CancellationToken cancellationToken) =>
        await LoadAsync(edition, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostVenueAsync(string edition, int? id, string? nameEn, string? nameZh, CancellationToken cancellationToken) =>
        RunAsync(edition, e => save.SaveVenueAsync(e, id, nameEn ?? "", nameZh ?? "", cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostRoomAsync(string edition, int? id, int venueId, string? nameEn, string? nameZh, int? capacity, SessionLanguage floorLanguage, string? channels, int order, CancellationToken cancellationToken) =>
        RunAsync(edition, e => save.SaveRoomAsync(e, id, venueId, new RoomDetails(nameEn ?? "", nameZh ?? "", capacity, floorLanguage, channels, order), cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostTrackAsync(string edition, int? id, string? nameEn, string? nameZh, string? colour, int order, CancellationToken cancellationToken) =>
        RunAsync(edition, e => save.SaveTrackAsync(e, id, nameEn ?? "", nameZh ?? "", colour ?? "", order, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostTypeAsync(string edition, int? id, string? nameEn, string? nameZh, bool isBreak, int order, CancellationToken cancellationToken) =>
        RunAsync(edition, e => save.SaveTypeAsync(e, id, nameEn ?? "", nameZh ?? "", isBreak, order, cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostDeleteAsync(string edition, ProgrammeItemKind kind, int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(edition, cancellationToken))
        {
            return NotFound();
        }

        var refusals = await save.DeleteAsync(Edition.Id, kind, id, cancellationToken);
        if (refusals.Count > 0)
        {
            ModelState.AddRefusals(refusals, L, prefix: "");
            return Page();
        }

        Message = L["Deleted."];
        return RedirectToPage(new { edition = Edition.Slug });
    }

    private async Task<IActionResult> RunAsync(string edition, Func<int, Task<ProgrammeItemResult>> write, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(edition, cancellationToken))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await write(Edition.Id);
        if (!result.Saved)
        {
            ModelState.AddRefusals(result.Refusals, L, prefix: "");
            await LoadAsync(edition, cancellationToken);
            return Page();
        }

        Message = L["Saved."];
        return RedirectToPage(new { edition = Edition.Slug });
    }

    private async Task<bool> LoadAsync(string edition, CancellationToken cancellationToken)
    {
        var slug = edition.ToLowerInvariant();
        var found = await db.Editions.AsNoTracking().WithSlug(slug).FirstOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return false;
        }

        Edition = found;
        Venues = await db.Venues.AsNoTracking().Where(v => v.EditionId == found.Id).OrderBy(v => v.Id).ToListAsync(cancellationToken);
        Rooms = await db.Rooms.AsNoTracking().Where(r => r.EditionId == found.Id).OrderBy(r => r.Order).ThenBy(r => r.Id).ToListAsync(cancellationToken);
        Tracks = await db.Tracks.AsNoTracking().Where(t => t.EditionId == found.Id).OrderBy(t => t.Order).ThenBy(t => t.Id).ToListAsync(cancellationToken);
        Types = await db.SessionTypes.AsNoTracking().Where(t => t.EditionId == found.Id).OrderBy(t => t.Order).ThenBy(t => t.Id).ToListAsync(cancellationToken);
        return true;
    }
}
