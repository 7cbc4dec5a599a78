using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Summit.Core.Data;
using Summit.Core.Editions;
using Summit.Web.Localization;

namespace Summit.Web.Pages.Admin.Editions;

public sealed class EditModel(SummitDbContext db, SaveEdition saveEdition, IStringLocalizer<SharedResource> L) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public int? Id { get; private set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter the address, for example 2021.")]
        [StringLength(SaveEdition.SlugMaxLength, ErrorMessage = "Keep this under {1} characters.")]
        [Display(Name = "Address")]
        public string Slug { get; set; } = "";

        [Required(ErrorMessage = "Enter the edition's name in English and in Chinese.")]
        [StringLength(200, ErrorMessage = "Keep this under {1} characters.")]
        [Display(Name = "Name (English)")]
        public string NameEn { get; set; } = "";

        [Required(ErrorMessage = "Enter the edition's name in English and in Chinese.")]
        [StringLength(200, ErrorMessage = "Keep this under {1} characters.")]
        [Display(Name = "Name (Chinese)")]
        public string NameZh { get; set; } = "";

        [StringLength(500, ErrorMessage = "Keep this under {1} characters.")]
        [Display(Name = "Tagline (English)")]
        public string? TaglineEn { get; set; }

        [StringLength(500, ErrorMessage = "Keep this under {1} characters.")]
        [Display(Name = "Tagline (Chinese)")]
        public string? TaglineZh { get; set; }

        [Required(ErrorMessage = "Enter the first day.")]
        [Display(Name = "First day")]
        public DateOnly? StartDate { get; set; }

        [Required(ErrorMessage = "Enter the last day.")]
        [Display(Name = "Last day")]
        public DateOnly? EndDate { get; set; }

        [Required(ErrorMessage = "Enter the venue in English and in Chinese.")]
        [StringLength(200, ErrorMessage = "Keep this under {1} characters.")]
        [Display(Name = "Venue (English)")]
        public string VenueEn { get; set; } = "";

        [Required(ErrorMessage = "Enter the venue in English and in Chinese.")]
        [StringLength(200, ErrorMessage = "Keep this under {1} characters.")]
        [Display(Name = "Venue (Chinese)")]
        public string VenueZh { get; set; } = "";

        [Required(ErrorMessage = "Enter the city in English and in Chinese.")]
        [StringLength(100, ErrorMessage = "Keep this under {1} characters.")]
        [Display(Name = "City (English)")]
        public string CityEn { get; set; } = "Chongqing";

        [Required(ErrorMessage = "Enter the city in English and in Chinese.")]
        [StringLength(100, ErrorMessage = "Keep this under {1} characters.")]
        [Display(Name = "City (Chinese)")]
        public string CityZh { get; set; } = "重庆";

        [Required(ErrorMessage = "Enter an IANA time zone such as Asia/Shanghai or Asia/Singapore.")]
        [StringLength(64, ErrorMessage = "Keep this under {1} characters.")]
        [Display(Name = "Time zone")]
        public string TimeZoneId { get; set; } = "Asia/Shanghai";

        [Display(Name = "Status")]
        public EditionStatus Status { get; set; } = EditionStatus.Draft;

        [StringLength(64, ErrorMessage = "Keep this under {1} characters.")]
        [Display(Name = "Reminder emails (days before)")]
        public string? ReminderDays { get; set; } = Edition.DefaultReminderDays;
    }

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken cancellationToken)
    {
        Id = id;
        if (id is null)
        {
            return Page();
        }

        var edition = await db.Editions.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (edition is null)
        {
            return NotFound();
        }

        Input = new InputModel
        {
            Slug = edition.Slug,
            NameEn = edition.NameEn,
            NameZh = edition.NameZh,
            TaglineEn = edition.TaglineEn,
            TaglineZh = edition.TaglineZh,
            StartDate = edition.StartDate,
            EndDate = edition.EndDate,
            VenueEn = edition.VenueEn,
            VenueZh = edition.VenueZh,
            CityEn = edition.CityEn,
            CityZh = edition.CityZh,
            TimeZoneId = edition.TimeZoneId,
            Status = edition.Status,
            ReminderDays = edition.ReminderDays,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken cancellationToken)
    {
        Id = id;
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var details = new EditionDetails(
            Input.Slug, Input.NameEn, Input.NameZh, Input.TaglineEn, Input.TaglineZh,
            Input.StartDate!.Value, Input.EndDate!.Value, Input.VenueEn, Input.VenueZh,
            Input.CityEn, Input.CityZh, Input.TimeZoneId, Input.Status, Input.ReminderDays ?? "");
        var result = await saveEdition.RunAsync(id, details, cancellationToken);
        if (!result.Saved)
        {
            ModelState.AddRefusals(result.Refusals, L);

            return Page();
        }

        return RedirectToPage("Index");
    }
}
