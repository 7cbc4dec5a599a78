using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Summit.Core.Accounts;
using Summit.Core.Data;
using Summit.Core.Photos;
using Summit.Core.Speakers;
using Summit.Web.Localization;
using Summit.Web.Speakers;

namespace Summit.Web.Pages.Admin.Speakers;

/// <summary>A speaker's photos: the public one, those waiting for review (approve or reject), and an upload form.</summary>
[RequestSizeLimit(PhotoProcessor.MaxBytes + (256 * 1024))]
[RequestFormLimits(MultipartBodyLengthLimit = PhotoProcessor.MaxBytes + (256 * 1024))]
public sealed class PhotoModel(SummitDbContext db, SpeakerPhotos photos, UserManager<SummitUser> users, IStringLocalizer<SharedResource> L) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public Speaker Speaker { get; private set; } = null!;

    public IReadOnlyList<SpeakerPhoto> Photos { get; private set; } = [];

    public sealed class InputModel
    {
        [Display(Name = "Photo (JPEG, PNG or WebP, up to 10 MB)")]
        public IFormFile? Photo { get; set; }

        [StringLength(SpeakerPhoto.CreditMaxLength, ErrorMessage = "Keep this under {1} characters.")]
        [Display(Name = "Credit (photographer or owner)")]
        public string? Credit { get; set; }

        [StringLength(SpeakerPhoto.SourceMaxLength, ErrorMessage = "Keep this under {1} characters.")]
        [Display(Name = "Source")]
        public string? Source { get; set; }

        [StringLength(SpeakerPhoto.LicenceMaxLength, ErrorMessage = "Keep this under {1} characters.")]
        [Display(Name = "Licence or permission")]
        public string? Licence { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var bytes = await Uploads.ReadAllBytesAsync(Input.Photo, cancellationToken);
        var result = await photos.UploadAsync(id, bytes, new PhotoCredit(Input.Credit, Input.Source, Input.Licence), users.GetUserId(User) ?? "", byOrganizer: true, cancellationToken);
        if (!result.Saved)
        {
            ModelState.AddRefusals(result.Refusals, L);

            return Page();
        }

        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostReviewAsync(int id, int photoId, bool approve, CancellationToken cancellationToken)
    {
        var refusals = await photos.ReviewAsync(photoId, approve, users.GetUserId(User) ?? "", cancellationToken);
        if (refusals.Count > 0 && await LoadAsync(id, cancellationToken))
        {
            ModelState.AddModelError(string.Empty, Localization.RefusalMessages.Text(refusals[0], L));
            return Page();
        }

        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var speaker = await db.Speakers.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (speaker is null)
        {
            return false;
        }

        Speaker = speaker;
        Photos = await db.SpeakerPhotos.AsNoTracking().Where(p => p.SpeakerId == id && p.Status != PhotoStatus.Replaced && p.Status != PhotoStatus.Rejected)
            .OrderByDescending(p => p.Id).ToListAsync(cancellationToken);
        return true;
    }
}
