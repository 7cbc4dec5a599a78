using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Summit.Web.Hosting;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Summit.Core.Data;
using Summit.Core.Editions;
using Summit.Core.Scheduling;
using Summit.Web.Localization;

namespace Summit.Web.Pages.Admin.Programme;

/// <summary>
/// Places, moves or resizes one session by typing a room, a day and times: the keyboard way to do what dragging does,
/// and where unscheduling, cancelling and reinstating live. Every change goes through <see cref="ScheduleSession"/>.
/// </summary>
public sealed class PlaceModel(SummitDbContext db, ScheduleSession schedule, IStringLocalizer<SharedResource> L) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public Edition Edition { get; private set; } = null!;

    public Session Session { get; private set; } = null!;

    public IReadOnlyList<Room> Rooms { get; private set; } = [];

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Choose a room.")]
        [Display(Name = "Room")]
        public int? RoomId { get; set; }

        [Required(ErrorMessage = "Choose a day.")]
        [Display(Name = "Day")]
        public DateOnly? Day { get; set; }

        [Required(ErrorMessage = "Enter the start time.")]
        [Display(Name = "Starts")]
        public TimeOnly? Start { get; set; }

        [Required(ErrorMessage = "Enter the end time.")]
        [Display(Name = "Ends")]
        public TimeOnly? End { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(string edition, int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(edition, id, cancellationToken))
        {
            return NotFound();
        }

        if (Session.IsScheduled)
        {
            var start = ScheduleTime.Local(Session.StartsAt!.Value, Edition.TimeZone);
            Input = new InputModel
            {
                RoomId = Session.RoomId,
                Day = DateOnly.FromDateTime(start.DateTime),
                Start = TimeOnly.FromDateTime(start.DateTime),
                End = TimeOnly.FromDateTime(ScheduleTime.Local(Session.EndsAt!.Value, Edition.TimeZone).DateTime),
            };
        }
        else
        {
            Input = new InputModel { RoomId = Rooms.Count > 0 ? Rooms[0].Id : null, Day = Edition.StartDate, Start = new TimeOnly(9, 0), End = new TimeOnly(10, 0) };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string edition, int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(edition, id, cancellationToken))
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

        var start = ScheduleTime.ToUtc(Input.Day!.Value, Input.Start!.Value, Edition.TimeZone);
        var end = ScheduleTime.ToUtc(Input.Day.Value, Input.End!.Value, Edition.TimeZone);
        return Done(await schedule.PlaceAsync(Edition.Id, id, Input.RoomId!.Value, start, end, cancellationToken), Input.Day.Value);
    }

    public async Task<IActionResult> OnPostUnscheduleAsync(string edition, int id, CancellationToken cancellationToken) =>
        await LoadAsync(edition, id, cancellationToken) ? Done(await schedule.UnscheduleAsync(Edition.Id, id, cancellationToken), null) : NotFound();

    public async Task<IActionResult> OnPostCancelAsync(string edition, int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(edition, id, cancellationToken))
        {
            return NotFound();
        }

        if (!this.IsConfirmed())
        {
            var what = await Summit.Core.Registrations.WhatWouldHappen.CancellingSessionAsync(db, Edition.Id, id, Cultures.IsChinese(System.Globalization.CultureInfo.CurrentUICulture), cancellationToken);
            if (what is null)
            {
                return NotFound();
            }

            var effects = new List<string> { L["“{0}” will be marked cancelled in the working programme.", what.Title] };
            effects.Add(what.Published
                ? L["At the next publication it shows as cancelled on the public schedule, in the feeds and in calendar subscriptions."]
                : L["It has never been published, so nobody outside sees a change."]);
            if (what.SeatsReserved > 0 || what.SavedInAgendas > 0)
            {
                effects.Add(L["People with a reserved seat: {0}; people who saved it to their agenda: {1}. They see the cancellation when you publish.", what.SeatsReserved, what.SavedInAgendas]);
            }

            if (what.ArticlesFollowing > 0)
            {
                effects.Add(L["Articles scheduled to follow it: {0}. They are held when you publish.", what.ArticlesFollowing]);
            }

            return this.Confirm(new ConfirmView(L["Cancel this session"], effects, L["Yes, cancel the session"], $"/admin/programme/{Edition.Slug}/sessions/{id}/place"));
        }

        return Done(await schedule.CancelAsync(Edition.Id, id, cancellationToken), null);
    }

    public async Task<IActionResult> OnPostReinstateAsync(string edition, int id, CancellationToken cancellationToken) =>
        await LoadAsync(edition, id, cancellationToken) ? Done(await schedule.ReinstateAsync(Edition.Id, id, cancellationToken), null) : NotFound();

    private IActionResult Done(ScheduleOutcome outcome, DateOnly? day)
    {
        if (!outcome.Succeeded)
        {
            ModelState.AddRefusals(outcome.Refusals, L);
            return Page();
        }

        var shown = day ?? (Session.StartsAt is { } s ? ScheduleTime.Day(s, Edition.TimeZone) : Edition.StartDate);
        TempData["Message"] = L["Saved “{0}”. The public sees it once you publish.", Session.Title(Cultures.IsChinese(CultureInfo.CurrentUICulture))].Value;
        return Redirect($"/admin/programme/{Edition.Slug}?day={shown.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
    }

    private async Task<bool> LoadAsync(string edition, int id, CancellationToken cancellationToken)
    {
        var slug = edition.ToLowerInvariant();
        var found = await db.Editions.AsNoTracking().WithSlug(slug).FirstOrDefaultAsync(cancellationToken);
        var session = found is null ? null : await db.Sessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id && s.EditionId == found.Id, cancellationToken);
        if (found is null || session is null)
        {
            return false;
        }

        Edition = found;
        Session = session;
        Rooms = await db.Rooms.AsNoTracking().Where(r => r.EditionId == found.Id).OrderBy(r => r.Order).ThenBy(r => r.Id).ToListAsync(cancellationToken);
        return true;
    }
}
