using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Summit.Core.Data;
using Summit.Core.Speakers;

namespace Summit.Web.Pages.Admin.Speakers;

public sealed class EditModel(SummitDbContext db, SaveSpeaker saveSpeaker, IStringLocalizer<SharedResource> L) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public int? Id { get; private set; }

    public IReadOnlyList<(int Id, string Name)> AllEditions { get; private set; } = [];

    public sealed class InputModel
    {
        [StringLength(SaveSpeaker.SlugMaxLength, ErrorMessage = "Keep this under {1} characters.")]
        [Display(Name = "Address")]
        public string? Slug { get; set; }

        [StringLength(SaveSpeaker.NameMaxLength, ErrorMessage = "Keep this under {1} characters.")]
        [Display(Name = "Family name (Chinese)")]
        public string? FamilyNameZh { get; set; }

        [StringLength(SaveSpeaker.NameMaxLength, ErrorMessage = "Keep this under {1} characters.")]
        [Display(Name = "Given name (Chinese)")]
        public string? GivenNameZh { get; set; }

        [StringLength(SaveSpeaker.NameMaxLength, ErrorMessage = "Keep this under {1} characters.")]
        [Display(Name = "Family name (Latin script)")]
        public string? FamilyNameLatin { get; set; }

        [StringLength(SaveSpeaker.NameMaxLength, ErrorMessage = "Keep this under {1} characters.")]
        [Display(Name = "Given name (Latin script)")]
        public string? GivenNameLatin { get; set; }

        [Display(Name = "Family name first in Latin script too")]
        public bool LatinFamilyNameFirst { get; set; } = true;

        [StringLength(SaveSpeaker.HonorificMaxLength, ErrorMessage = "Keep this under {1} characters.")]
        [Display(Name = "Honorific (English)")]
        public string? HonorificEn { get; set; }

        [StringLength(SaveSpeaker.HonorificMaxLength, ErrorMessage = "Keep this under {1} characters.")]
        [Display(Name = "Honorific (Chinese)")]
        public string? HonorificZh { get; set; }

        [StringLength(2, ErrorMessage = "Keep this under {1} characters.")]
        [Display(Name = "Country or region code")]
        public string? CountryCode { get; set; }

        [StringLength(SaveSpeaker.BiographyMaxLength, ErrorMessage = "Keep this under {1} characters.")]
        [Display(Name = "Biography (English)")]
        public string? BiographyEn { get; set; }

        [StringLength(SaveSpeaker.BiographyMaxLength, ErrorMessage = "Keep this under {1} characters.")]
        [Display(Name = "Biography (Chinese)")]
        public string? BiographyZh { get; set; }

        [StringLength(254, ErrorMessage = "Keep this under {1} characters.")]
        [Display(Name = "Contact email (never shown publicly)")]
        public string? ContactEmail { get; set; }

        public List<PositionInput> Positions { get; set; } = [];

        public List<LinkInput> Links { get; set; } = [];

        public List<int> EditionIds { get; set; } = [];
    }

    public sealed class PositionInput
    {
        [StringLength(SaveSpeaker.PositionPartMaxLength, ErrorMessage = "Keep this under {1} characters.")]
        public string? TitleEn { get; set; }

        [StringLength(SaveSpeaker.PositionPartMaxLength, ErrorMessage = "Keep this under {1} characters.")]
        public string? TitleZh { get; set; }

        [StringLength(SaveSpeaker.PositionPartMaxLength, ErrorMessage = "Keep this under {1} characters.")]
        public string? OrganisationEn { get; set; }

        [StringLength(SaveSpeaker.PositionPartMaxLength, ErrorMessage = "Keep this under {1} characters.")]
        public string? OrganisationZh { get; set; }
    }

    public sealed class LinkInput
    {
        public SpeakerLinkKind Kind { get; set; }

        [StringLength(SaveSpeaker.UrlMaxLength, ErrorMessage = "Keep this under {1} characters.")]
        public string? Url { get; set; }
    }

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
                FamilyNameZh = speaker.FamilyNameZh,
                GivenNameZh = speaker.GivenNameZh,
                FamilyNameLatin = speaker.FamilyNameLatin,
                GivenNameLatin = speaker.GivenNameLatin,
                LatinFamilyNameFirst = speaker.LatinFamilyNameFirst,
                HonorificEn = speaker.HonorificEn,
                HonorificZh = speaker.HonorificZh,
                CountryCode = speaker.CountryCode,
                BiographyEn = speaker.BiographyEn,
                BiographyZh = speaker.BiographyZh,
                ContactEmail = speaker.ContactEmail,
                Positions = speaker.Positions.OrderBy(p => p.Order).Select(p => new PositionInput { TitleEn = p.TitleEn, TitleZh = p.TitleZh, OrganisationEn = p.OrganisationEn, OrganisationZh = p.OrganisationZh }).ToList(),
                Links = speaker.Links.OrderBy(l => l.Order).Select(l => new LinkInput { Kind = l.Kind, Url = l.Url }).ToList(),
                EditionIds = speaker.Editions.Select(e => e.EditionId).ToList(),
            };
        }

        await PrepareAsync(cancellationToken);
        return Page();
    }

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
        var details = new SpeakerDetails(
            slug, Input.FamilyNameZh, Input.GivenNameZh, Input.FamilyNameLatin, Input.GivenNameLatin, Input.LatinFamilyNameFirst,
            Input.HonorificEn, Input.HonorificZh, Input.CountryCode, Input.BiographyEn, Input.BiographyZh, Input.ContactEmail,
            Input.Positions.Select(p => new PositionDetails(p.TitleEn, p.TitleZh, p.OrganisationEn, p.OrganisationZh)).ToList(),
            Input.Links.Where(l => !string.IsNullOrWhiteSpace(l.Url)).Select(l => new LinkDetails(l.Kind, l.Url!)).ToList());
        var result = await saveSpeaker.RunAsync(id, details, Input.EditionIds, cancellationToken);
        if (!result.Saved)
        {
            foreach (var refusal in result.Refusals)
            {
                ModelState.AddModelError(refusal.Field.Length == 0 ? string.Empty : $"Input.{refusal.Field}", L[refusal.Message]);
            }

            await PrepareAsync(cancellationToken);
            return Page();
        }

        return RedirectToPage("Index");
    }

    private async Task PrepareAsync(CancellationToken cancellationToken)
    {
        var chinese = Localization.Cultures.IsChinese(System.Globalization.CultureInfo.CurrentUICulture);
        AllEditions = (await db.Editions.AsNoTracking().OrderByDescending(e => e.StartDate).Select(e => new { e.Id, e.NameEn, e.NameZh }).ToListAsync(cancellationToken))
            .Select(e => (e.Id, chinese ? e.NameZh : e.NameEn)).ToList();
        while (Input.Positions.Count < Math.Min(SaveSpeaker.MaxPositions, Math.Max(3, Input.Positions.Count + 1)))
        {
            Input.Positions.Add(new PositionInput());
        }

        while (Input.Links.Count < Math.Min(SaveSpeaker.MaxLinks, Math.Max(2, Input.Links.Count + 1)))
        {
            Input.Links.Add(new LinkInput());
        }
    }
}
