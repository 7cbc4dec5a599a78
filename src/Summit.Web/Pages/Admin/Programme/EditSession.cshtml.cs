using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Summit.Web.Hosting;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Summit.Core.Data;
using Summit.Core.Editions;
using Summit.Core.Scheduling;
using Summit.Core.Speakers;
using Summit.Web.Localization;

namespace Summit.Web.Pages.Admin.Programme;

/// <summary>A session's content: titles and abstracts in both languages, type, track, language, seats, speakers with roles.</summary>
public sealed class EditSessionModel(SummitDbContext db, SaveSession saveSession, ScheduleSession schedule, IStringLocalizer<SharedResource> L) : PageModel
{
    public const int BlankSpeakerRows = 3;

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public Edition Edition { get; private set; } = null!;

    public int? Id { get; private set; }

    public IReadOnlyList<SessionType> Types { get; private set; } = [];

    public IReadOnlyList<Track> Tracks { get; private set; } = [];

    public IReadOnlyList<(int Id, string Name)> AllSpeakers { get; private set; } = [];

    public sealed class SpeakerRow
    {
        public int? SpeakerId { get; set; }

        public SessionSpeakerRole Role { get; set; } = SessionSpeakerRole.Speaker;
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter the title in English and in Chinese.")]
        [StringLength(SaveSession.TitleMaxLength, ErrorMessage = "Keep this under {1} characters.")]
        [Display(Name = "Title (English)")]
        public string TitleEn { get; set; } = "";

        [Required(ErrorMessage = "Enter the title in English and in Chinese.")]
        [StringLength(SaveSession.TitleMaxLength, ErrorMessage = "Keep this under {1} characters.")]
        [Display(Name = "Title (Chinese)")]
        public string TitleZh { get; set; } = "";

        [StringLength(SaveSession.AbstractMaxLength, ErrorMessage = "Keep this under {1} characters.")]
        [Display(Name = "Abstract (English)")]
        public string? AbstractEn { get; set; }

        [StringLength(SaveSession.AbstractMaxLength, ErrorMessage = "Keep this under {1} characters.")]
        [Display(Name = "Abstract (Chinese)")]
        public string? AbstractZh { get; set; }

        [Required(ErrorMessage = "Choose one of this edition's session types.")]
        [Display(Name = "Type")]
        public int? TypeId { get; set; }

        [Display(Name = "Track")]
        public int? TrackId { get; set; }

        [Display(Name = "Language")]
        public SessionLanguage Language { get; set; } = SessionLanguage.EnglishAndChinese;

        [Display(Name = "Simultaneous interpretation offered")]
        public bool InterpretationOffered { get; set; }

        [Range(1, 100_000, ErrorMessage = "The seat limit must be a positive number, or empty for no sign-up.")]
        [Display(Name = "Seat limit for sign-up")]
        public int? SeatLimit { get; set; }

        public List<SpeakerRow> Speakers { get; set; } = [];
    }

    public async Task<IActionResult> OnGetAsync(string edition, int? id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(edition, id, cancellationToken))
        {
            return NotFound();
        }

        if (id is not null)
        {
            var session = await db.Sessions.AsNoTracking().FirstAsync(s => s.Id == id, cancellationToken);
            Input = new InputModel
            {
                TitleEn = session.TitleEn,
                TitleZh = session.TitleZh,
                AbstractEn = session.AbstractEn,
                AbstractZh = session.AbstractZh,
                TypeId = session.TypeId,
                TrackId = session.TrackId,
                Language = session.Language,
                InterpretationOffered = session.InterpretationOffered,
                SeatLimit = session.SeatLimit,
                Speakers = session.Speakers.OrderBy(s => s.Order).Select(s => new SpeakerRow { SpeakerId = s.SpeakerId, Role = s.Role }).ToList(),
            };
        }

        Input.Speakers.AddRange(Enumerable.Range(0, BlankSpeakerRows).Select(_ => new SpeakerRow()));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string edition, int? id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(edition, id, cancellationToken))
        {
            return NotFound();
        }

        if (ModelState.IsValid)
        {
            var details = new SessionDetails(
                Input.TitleEn, Input.TitleZh, Input.AbstractEn, Input.AbstractZh, Input.TypeId!.Value, Input.TrackId, Input.Language,
                Input.InterpretationOffered, Input.SeatLimit,
                Input.Speakers.Where(s => s.SpeakerId is not null).Select(s => new SessionSpeakerDetails(s.SpeakerId!.Value, s.Role)).ToList());
            var result = await saveSession.RunAsync(Edition.Id, id, details, cancellationToken);
            if (result.Saved)
            {
                TempData["Message"] = L["Saved “{0}”. The public sees it once you publish.", Input.TitleEn].Value;
                return Redirect(id is null ? $"/admin/programme/{Edition.Slug}/sessions/{result.SessionId}/place" : $"/admin/programme/{Edition.Slug}");
            }

            ModelState.AddRefusals(result.Refusals, L);
        }

        Input.Speakers.RemoveAll(s => s.SpeakerId is null);
        Input.Speakers.AddRange(Enumerable.Range(0, BlankSpeakerRows).Select(_ => new SpeakerRow()));
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(string edition, int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(edition, id, cancellationToken))
        {
            return NotFound();
        }

        if (!this.IsConfirmed() && !await db.PublishedSessions.AnyAsync(p => p.SessionId == id, cancellationToken))
        {
            var title = await db.Sessions.Where(s => s.Id == id).Select(s => Cultures.IsChinese(System.Globalization.CultureInfo.CurrentUICulture) ? s.TitleZh : s.TitleEn).FirstAsync(cancellationToken);
            return this.Confirm(new ConfirmView(L["Delete session"], [L["“{0}” will be deleted for good, with its speakers and times. It was never published, so nobody outside has seen it.", title]], L["Yes, delete it"], $"/admin/programme/{Edition.Slug}/sessions/edit/{id}"));
        }

        var outcome = await schedule.DeleteAsync(Edition.Id, id, cancellationToken);
        if (outcome.Succeeded)
        {
            TempData["Message"] = L["The session was deleted."].Value;
            return Redirect($"/admin/programme/{Edition.Slug}");
        }

        ModelState.AddRefusals(outcome.Refusals, L);
        return await OnGetAsync(edition, id, cancellationToken);
    }

    /// <summary>The object's audit trail, newest first (the last 100 entries).</summary>
    public IReadOnlyList<Summit.Core.Audit.AuditEntry> AuditHistory { get; private set; } = [];

    private async Task<bool> LoadAsync(string edition, int? id, CancellationToken cancellationToken)
    {
        var slug = edition.ToLowerInvariant();
        var found = await db.Editions.AsNoTracking().WithSlug(slug).FirstOrDefaultAsync(cancellationToken);
        if (found is null || (id is not null && !await db.Sessions.AnyAsync(s => s.Id == id && s.EditionId == found.Id, cancellationToken)))
        {
            return false;
        }

        Edition = found;
        Id = id;
        if (id is int sessionId)
        {
            AuditHistory = await Summit.Core.Audit.AuditQueries.About(db.AuditEntries.AsNoTracking(), Summit.Core.Audit.AuditedTypes.Session, sessionId).Take(100).ToListAsync(cancellationToken);
        }

        Types = await db.SessionTypes.AsNoTracking().Where(t => t.EditionId == found.Id).OrderBy(t => t.Order).ToListAsync(cancellationToken);
        Tracks = await db.Tracks.AsNoTracking().Where(t => t.EditionId == found.Id).OrderBy(t => t.Order).ToListAsync(cancellationToken);
        var chinese = Cultures.IsChinese(System.Globalization.CultureInfo.CurrentUICulture);
        AllSpeakers = (await db.Speakers.AsNoTracking().InDirectoryOrder()
                .Select(s => new { s.Id, s.FamilyNameZh, s.GivenNameZh, s.FamilyNameLatin, s.GivenNameLatin, s.LatinFamilyNameFirst })
                .ToListAsync(cancellationToken))
            .Select(s =>
            {
                var zh = SpeakerNames.Chinese(s.FamilyNameZh, s.GivenNameZh);
                var latin = SpeakerNames.Latin(s.FamilyNameLatin, s.GivenNameLatin, s.LatinFamilyNameFirst);
                var secondary = SpeakerNames.Secondary(zh, latin, chinese);
                return (s.Id, SpeakerNames.Display(zh, latin, chinese) + (secondary is null ? "" : $" · {secondary}"));
            })
            .ToList();
        return true;
    }
}
