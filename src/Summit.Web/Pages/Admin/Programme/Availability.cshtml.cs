using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Summit.Core.Data;
using Summit.Core.Editions;
using Summit.Core.Scheduling;
using Summit.Core.Speakers;
using Summit.Web.Localization;

namespace Summit.Web.Pages.Admin.Programme;

/// <summary>When each speaker of the edition can be on stage, and the placed sessions that now conflict.</summary>
public sealed class AvailabilityModel(SummitDbContext db, SetSpeakerAvailability availability, IStringLocalizer<SharedResource> L) : PageModel
{
    public sealed record WindowRow(int Id, int SpeakerId, DateTimeOffset StartsAt, DateTimeOffset EndsAt);

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public Edition Edition { get; private set; } = null!;

    public IReadOnlyList<(int Id, string Name)> Speakers { get; private set; } = [];

    public IReadOnlyList<WindowRow> Windows { get; private set; } = [];

    public IReadOnlyList<(int SessionId, string TitleEn, string TitleZh, int SpeakerId)> Conflicts { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Choose a speaker.")]
        [Display(Name = "Speaker")]
        public int? SpeakerId { get; set; }

        [Required(ErrorMessage = "Choose a day.")]
        [Display(Name = "Day")]
        public DateOnly? Day { get; set; }

        [Required(ErrorMessage = "Enter the start time.")]
        [Display(Name = "From")]
        public TimeOnly? Start { get; set; }

        [Required(ErrorMessage = "Enter the end time.")]
        [Display(Name = "Until")]
        public TimeOnly? End { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(string edition, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(edition, cancellationToken))
        {
            return NotFound();
        }

        Input = new InputModel { Day = Edition.StartDate, Start = new TimeOnly(9, 0), End = new TimeOnly(12, 0) };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string edition, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(edition, cancellationToken))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (Input.Day < Edition.StartDate || Input.Day > Edition.EndDate)
        {
            // Checked before any time arithmetic: a crafted day (year 1 or 1900) has no sensible UTC instant here.
            ModelState.AddModelError("Input.Day", L["Choose a day of the edition."]);
            return Page();
        }

        var refusals = await availability.AddAsync(
            Edition.Id,
            Input.SpeakerId!.Value,
            ScheduleTime.ToUtc(Input.Day!.Value, Input.Start!.Value, Edition.TimeZone),
            ScheduleTime.ToUtc(Input.Day.Value, Input.End!.Value, Edition.TimeZone),
            cancellationToken);
        if (refusals.Count > 0)
        {
            ModelState.AddRefusals(refusals, L);
            return Page();
        }

        Message = L["Saved."];
        return RedirectToPage(new { edition = Edition.Slug });
    }

    public async Task<IActionResult> OnPostRemoveAsync(string edition, int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(edition, cancellationToken))
        {
            return NotFound();
        }

        await availability.RemoveAsync(Edition.Id, id, cancellationToken);
        Message = L["Deleted."];
        return RedirectToPage(new { edition = Edition.Slug });
    }

    public string SpeakerName(int id) => Speakers.FirstOrDefault(s => s.Id == id).Name ?? "?";

    private async Task<bool> LoadAsync(string edition, CancellationToken cancellationToken)
    {
        var slug = edition.ToLowerInvariant();
        var found = await db.Editions.AsNoTracking().WithSlug(slug).FirstOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return false;
        }

        Edition = found;
        var chinese = Cultures.IsChinese(System.Globalization.CultureInfo.CurrentUICulture);
        Speakers = (await db.Speakers.AsNoTracking()
                .Where(s => s.Editions.Any(e => e.EditionId == found.Id) || db.Sessions.Any(x => x.EditionId == found.Id && x.Speakers.Any(p => p.SpeakerId == s.Id)))
                .InDirectoryOrder()
                .Select(s => new { s.Id, s.FamilyNameZh, s.GivenNameZh, s.FamilyNameLatin, s.GivenNameLatin, s.LatinFamilyNameFirst })
                .ToListAsync(cancellationToken))
            .Select(s => (s.Id, SpeakerNames.Display(s.FamilyNameZh, s.GivenNameZh, s.FamilyNameLatin, s.GivenNameLatin, s.LatinFamilyNameFirst, chinese)))
            .ToList();
        Windows = await db.SpeakerAvailabilities.AsNoTracking().Where(a => a.EditionId == found.Id).OrderBy(a => a.SpeakerId).ThenBy(a => a.StartsAt)
            .Select(a => new WindowRow(a.Id, a.SpeakerId, a.StartsAt, a.EndsAt)).ToListAsync(cancellationToken);
        Conflicts = await availability.ConflictsAsync(found.Id, cancellationToken);
        return true;
    }
}
