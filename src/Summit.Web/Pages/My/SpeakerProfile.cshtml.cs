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

namespace Summit.Web.Pages.My;

/// <summary>
/// A speaker edits their own profile: the one linked to the signed-in account, never another (there is no id in the
/// address to change). A new photo waits for an organizer's approval.
/// </summary>
[RequestSizeLimit(PhotoProcessor.MaxBytes + (256 * 1024))]
[RequestFormLimits(MultipartBodyLengthLimit = PhotoProcessor.MaxBytes + (256 * 1024))]
public sealed class SpeakerProfileModel(SummitDbContext db, SaveSpeaker saveSpeaker, SpeakerPhotos photos, SpeakerProgramme programme, Summit.Core.Press.AnswerSignOff signOffs, UserManager<SummitUser> users, IStringLocalizer<SharedResource> L) : PageModel
{
    [BindProperty]
    public SpeakerProfileInput Input { get; set; } = new();

    [BindProperty]
    public PhotoInput Photo { get; set; } = new();

    public Speaker? Speaker { get; private set; }

    public SpeakerPhoto? PublicPhoto { get; private set; }

    public SpeakerPhoto? PendingPhoto { get; private set; }

    /// <summary>The speaker's sessions, per edition, newest first.</summary>
    public IReadOnlyList<SpeakerProgrammeEdition> Programme { get; private set; } = [];

    /// <summary>Articles waiting for this speaker to sign off their quotes.</summary>
    public IReadOnlyList<Summit.Core.Press.Article> SignOffs { get; private set; } = [];

    /// <summary>The biographies as the public page shows them, after "Preview" (nothing saved); null otherwise.</summary>
    public string? BiographyPreviewEn { get; private set; }

    public string? BiographyPreviewZh { get; private set; }

    public bool Welcome { get; private set; }

    public bool Saved { get; private set; }

    public sealed class PhotoInput
    {
        [Display(Name = "Photo (JPEG, PNG or WebP, up to 10 MB)")]
        public IFormFile? File { get; set; }

        [StringLength(SpeakerPhoto.CreditMaxLength, ErrorMessage = "Keep this under {1} characters.")]
        [Display(Name = "Credit (photographer or owner)")]
        public string? Credit { get; set; }

        [StringLength(SpeakerPhoto.LicenceMaxLength, ErrorMessage = "Keep this under {1} characters.")]
        [Display(Name = "Licence or permission")]
        public string? Licence { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(bool welcome, bool saved, CancellationToken cancellationToken)
    {
        Welcome = welcome;
        Saved = saved;
        if (await LoadAsync(cancellationToken) is { } speaker)
        {
            Input.Fill(speaker);
            Input.AddBlankRows();
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is not { } speaker)
        {
            return Page();
        }

        ModelState.Remove("Photo.File");
        if (!ModelState.IsValid)
        {
            Input.AddBlankRows();
            return Page();
        }

        var result = await saveSpeaker.RunAsync(speaker.Id, Input.ToDetails(speaker.Slug, speaker.ContactEmail), editionIds: null, cancellationToken);
        if (!result.Saved)
        {
            ModelState.AddRefusals(result.Refusals, L);

            Input.AddBlankRows();
            return Page();
        }

        return RedirectToPage(new { saved = true });
    }

    /// <summary>"Preview" without script: the form as typed, with the biographies rendered below each field; nothing is saved.</summary>
    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is null)
        {
            return Page();
        }

        ModelState.Clear();
        BiographyPreviewEn = SpeakerBiography.Preview(Input.BiographyEn);
        BiographyPreviewZh = SpeakerBiography.Preview(Input.BiographyZh);
        Input.AddBlankRows();
        return Page();
    }

    /// <summary>The live preview's fragment (live-preview.js): the biography as cleaned HTML.</summary>
    public IActionResult OnPostFragment(string? markdown) => SpeakerBiography.Fragment(markdown);

    public async Task<IActionResult> OnPostPhotoAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is not { } speaker)
        {
            return Page();
        }

        Input.Fill(speaker);
        Input.AddBlankRows();
        var bytes = await Uploads.ReadAllBytesAsync(Photo.File, cancellationToken);
        var result = await photos.UploadAsync(speaker.Id, bytes, new PhotoCredit(Photo.Credit, null, Photo.Licence), users.GetUserId(User) ?? "", byOrganizer: false, cancellationToken);
        if (!result.Saved)
        {
            foreach (var refusal in result.Refusals)
            {
                ModelState.AddModelError(refusal.Field is "Photo" or "" ? "Photo.File" : $"Photo.{refusal.Field}", Localization.RefusalMessages.Text(refusal, L));
            }

            return Page();
        }

        return RedirectToPage(new { saved = true });
    }

    private async Task<Speaker?> LoadAsync(CancellationToken cancellationToken)
    {
        var userId = users.GetUserId(User);
        Speaker = userId is null ? null : await db.Speakers.AsNoTracking().FirstOrDefaultAsync(s => s.UserId == userId, cancellationToken);
        if (Speaker is not null)
        {
            var current = await db.SpeakerPhotos.AsNoTracking()
                .Where(p => p.SpeakerId == Speaker.Id && (p.Status == PhotoStatus.Approved || p.Status == PhotoStatus.Pending))
                .ToListAsync(cancellationToken);
            PublicPhoto = current.FirstOrDefault(p => p.Status == PhotoStatus.Approved);
            PendingPhoto = current.Where(p => p.Status == PhotoStatus.Pending).OrderByDescending(p => p.Id).FirstOrDefault();
            Programme = await programme.ForAsync(Speaker.Id, cancellationToken);
            SignOffs = await signOffs.WaitingForAsync(userId!, cancellationToken);
        }

        return Speaker;
    }
}
