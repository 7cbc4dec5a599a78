using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Summit.Core.Data;
using Summit.Core.Speakers;
using Summit.Web.Localization;
using Summit.Web.Speakers;

namespace Summit.Web.Pages.Admin.Speakers;

public sealed class EditModel(SummitDbContext db, SaveSpeaker saveSpeaker, IStringLocalizer<SharedResource> L) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public int? Id { get; private set; }

    public IReadOnlyList<(int Id, string Name)> AllEditions { get; private set; } = [];

    public sealed class InputModel : SpeakerProfileInput
    {
        [StringLength(SaveSpeaker.SlugMaxLength, ErrorMessage = "Keep this under {1} characters.")]
        [Display(Name = "Address")]
        public string? Slug { get; set; }

        [StringLength(254, ErrorMessage = "Keep this under {1} characters.")]
        [Display(Name = "Contact email (never shown publicly)")]
        public string? ContactEmail { get; set; }

        public List<int> EditionIds { get; set; } = [];
    }

    /// <summary>The object's audit trail, newest first (the last 100 entries).</summary>
    public IReadOnlyList<Summit.Core.Audit.AuditEntry> AuditHistory { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken cancellationToken)
    {
        Id = id;
        if (id is not null)
        {
            var speaker = await db.Speakers.AsNoTracking().Include(s => s.Editions).FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
            if (speaker is null)
            {
                return NotFound();
            }

            Input = new InputModel
            {
                Slug = speaker.Slug,
                ContactEmail = speaker.ContactEmail,
                EditionIds = speaker.Editions.Select(e => e.EditionId).ToList(),
            };
            Input.Fill(speaker);
            AuditHistory = await Summit.Core.Audit.AuditQueries.About(db.AuditEntries.AsNoTracking(), Summit.Core.Audit.AuditedTypes.Speaker, speaker.Id).Take(100).ToListAsync(cancellationToken);
        }

        await PrepareAsync(cancellationToken);
        return Page();
    }

    /// <summary>The live preview's fragment (live-preview.js): the biography as cleaned HTML.</summary>
    public IActionResult OnPostFragment(string? markdown) => SpeakerBiography.Fragment(markdown);

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken cancellationToken)
    {
        Id = id;
        if (!ModelState.IsValid)
        {
            await PrepareAsync(cancellationToken);
            return Page();
        }

        var slug = string.IsNullOrWhiteSpace(Input.Slug)
            ? SaveSpeaker.SlugFrom(SpeakerNames.Latin(Input.FamilyNameLatin, Input.GivenNameLatin, Input.LatinFamilyNameFirst))
            : Input.Slug;
        var details = Input.ToDetails(slug, Input.ContactEmail);
        var result = await saveSpeaker.RunAsync(id, details, Input.EditionIds, cancellationToken);
        if (!result.Saved)
        {
            ModelState.AddRefusals(result.Refusals, L);

            await PrepareAsync(cancellationToken);
            return Page();
        }

        return RedirectToPage("Index");
    }

    private async Task PrepareAsync(CancellationToken cancellationToken)
    {
        var chinese = Cultures.IsChinese(System.Globalization.CultureInfo.CurrentUICulture);
        AllEditions = (await db.Editions.AsNoTracking().OrderByDescending(e => e.StartDate).Select(e => new { e.Id, e.NameEn, e.NameZh }).ToListAsync(cancellationToken))
            .Select(e => (e.Id, chinese ? e.NameZh : e.NameEn)).ToList();
        Input.AddBlankRows();
    }
}
