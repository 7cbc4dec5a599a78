using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Summit.Core.Scheduling;
using Summit.Web.Localization;
using Summit.Web.Scheduling;

namespace Summit.Web.Pages.Admin.Programme;

/// <summary>
/// The schedule editor: the working copy as a day × room grid, the sessions not placed yet, and publishing with a
/// preview of the changelog it will produce.
/// </summary>
public sealed class EditorModel(ProgrammeReader reader, PublishSchedule publish, IStringLocalizer<SharedResource> L) : PageModel
{
    public Core.Scheduling.Programme Programme { get; private set; } = null!;

    public IReadOnlyList<Session> Unscheduled { get; private set; } = [];

    public DateOnly Day { get; private set; }

    public ScheduleGrid Grid { get; private set; } = null!;

    public IReadOnlyList<ScheduleDiffEntry> Pending { get; private set; } = [];

    public int LatestVersion { get; private set; }

    [TempData]
    public string? Message { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    /// <summary>The working copy's revision this page showed; publishing refuses if it moved since.</summary>
    [BindProperty]
    public int? Revision { get; set; }

    public async Task<IActionResult> OnGetAsync(string edition, string? day, CancellationToken cancellationToken) =>
        await LoadAsync(edition, day, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostPublishAsync(string edition, CancellationToken cancellationToken)
    {
        var working = await reader.WorkingCopyAsync(edition, cancellationToken);
        if (working is null)
        {
            return NotFound();
        }

        var outcome = await publish.RunAsync(working.Value.Programme.Edition.Id, Note, User.FindFirstValue(ClaimTypes.NameIdentifier), Revision, cancellationToken);
        if (outcome.Published is { } published)
        {
            Message = L["Published v{0} with {1} changes.", published.Number, published.Changes.Count];
            return RedirectToPage(new { edition });
        }

        ModelState.AddRefusals(outcome.Refusals, L, prefix: "");
        await LoadAsync(edition, null, cancellationToken);
        return Page();
    }

    private async Task<bool> LoadAsync(string edition, string? day, CancellationToken cancellationToken)
    {
        var working = await reader.WorkingCopyAsync(edition, cancellationToken);
        if (working is null)
        {
            return false;
        }

        (Programme, Unscheduled) = working.Value;
        Day = DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var chosen) && Programme.Days.Contains(chosen)
            ? chosen
            : Programme.Days[0];
        var sessions = Programme.On(Day).ToList();

        // Every room is a column and every half hour from 08:00 to 21:00 a row, so there is always a free cell to place into.
        var slots = Enumerable.Range(0, 27).Select(i => ScheduleTime.ToUtc(Day, new TimeOnly(8, 0).AddMinutes(30 * i), Programme.Zone)).ToList();
        Grid = ScheduleGrid.Build(sessions, Programme.Rooms, slots);
        Pending = await publish.PreviewAsync(Programme.Edition.Id, cancellationToken);
        LatestVersion = await reader.LatestNumberAsync(edition, cancellationToken);
        return true;
    }
}
