using System.Security.Claims;
using Hangfire;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Summit.Core.Data;
using Summit.Core.Editions;
using Summit.Core.Mail;
using Summit.Core.Registrations;
using Summit.Core.Site;
using Summit.Jobs;
using Summit.Jobs.Mail;
using Summit.Web.Localization;

namespace Summit.Web.Pages.Admin.Mail.Bulk;

/// <summary>
/// Writing a bulk email: the segment and the texts in both languages, then a preview (how many people, what the first
/// of them will read in each language), a test to oneself, and the send, which hands the queuing to a job.
/// </summary>
public sealed class NewModel(SummitDbContext db, MailOutbox outbox, IBackgroundJobClient jobs, SiteLinks links, TimeProvider clock, ILogger<NewModel> logger, IStringLocalizer<SharedResource> L) : PageModel
{
    public Edition Edition { get; private set; } = null!;

    public IReadOnlyList<RegistrationCategory> Categories { get; private set; } = [];

    public IReadOnlyList<(int Id, string TitleEn, string TitleZh)> Sessions { get; private set; } = [];

    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>Set by a preview: how many people the segment has now, and the first one's message in each language.</summary>
    public int? Count { get; private set; }

    public IReadOnlyList<MailDraft> Samples { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public sealed class InputModel
    {
        public int? CategoryId { get; set; }

        public RegistrationStatus? Status { get; set; } = RegistrationStatus.Confirmed;

        public int? SessionId { get; set; }

        public string? SubjectEn { get; set; }

        public string? SubjectZh { get; set; }

        public string? BodyEn { get; set; }

        public string? BodyZh { get; set; }

        /// <summary>Made when the form is first shown; the same key sends once however often the form is posted.</summary>
        public string RequestKey { get; set; } = Guid.NewGuid().ToString("N");
    }

    public async Task<IActionResult> OnGetAsync(string edition, CancellationToken cancellationToken) =>
        await LoadAsync(edition, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostPreviewAsync(string edition, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(edition, cancellationToken))
        {
            return NotFound();
        }

        if (await CheckAsync(cancellationToken) is { } segment)
        {
            Count = await segment.Query(db).CountAsync(cancellationToken);
            var english = await segment.Query(db).AsNoTracking().Where(r => r.PreferredCulture == "en").OrderBy(r => r.Id).FirstOrDefaultAsync(cancellationToken);
            var chinese = await segment.Query(db).AsNoTracking().Where(r => r.PreferredCulture == "zh-Hans").OrderBy(r => r.Id).FirstOrDefaultAsync(cancellationToken);
            Samples = new[] { english, chinese }.OfType<Registration>().Select(r => Draft((r.Email, r.DisplayName(Cultures.IsChinese(r.PreferredCulture)), r.PreferredCulture), r.CategoryId, r.AccessKey)).ToList();
        }

        return Page();
    }

    public async Task<IActionResult> OnPostTestAsync(string edition, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(edition, cancellationToken))
        {
            return NotFound();
        }

        var email = User.FindFirstValue(ClaimTypes.Email);
        if (await CheckAsync(cancellationToken) is null || email is null)
        {
            return Page();
        }

        // The organizer reads both languages, addressed by their own name and linked to their own registrations.
        foreach (var culture in new[] { "en", "zh-Hans" })
        {
            var draft = Draft((email, User.Identity?.Name ?? email, culture), Input.CategoryId ?? 0, null);
            await outbox.QueueAsync(draft with { Subject = "[TEST] " + draft.Subject }, cancellationToken);
        }

        Message = L["Test emails in both languages are on their way to {0}.", email];
        return RedirectToPage(new { edition = Edition.Slug });
    }

    public async Task<IActionResult> OnPostSendAsync(string edition, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(edition, cancellationToken))
        {
            return NotFound();
        }

        if (await CheckAsync(cancellationToken) is not { } segment)
        {
            return Page();
        }

        if (!await segment.Query(db).AnyAsync(cancellationToken))
        {
            ModelState.AddModelError("", L["Nobody is in this segment: nothing was sent."]);
            return Page();
        }

        var key = Input.RequestKey is { Length: > 0 and <= 64 } given ? given : Guid.NewGuid().ToString("N");
        if (await db.BulkMails.Where(b => b.RequestKey == key).Select(b => (int?)b.Id).FirstOrDefaultAsync(cancellationToken) is int already)
        {
            return RedirectToPage("/Admin/Mail/Bulk/Progress", new { id = already });
        }

        var bulk = new BulkMail(segment, Input.SubjectEn!, Input.SubjectZh!, Input.BodyEn!, Input.BodyZh!, User.FindFirstValue(ClaimTypes.Email) ?? "", clock.GetUtcNow(), key);
        db.BulkMails.Add(bulk);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same form posted twice at the same instant: the first one sends.
            db.ChangeTracker.Clear();
            var first = await db.BulkMails.Where(b => b.RequestKey == key).Select(b => (int?)b.Id).FirstOrDefaultAsync(cancellationToken);
            if (first is null)
            {
                throw;
            }

            return RedirectToPage("/Admin/Mail/Bulk/Progress", new { id = first });
        }

        try
        {
            jobs.Enqueue<QueueBulkMailJob>(JobQueues.Mail, job => job.RunAsync(bulk.Id, CancellationToken.None));
        }
#pragma warning disable CA1031 // The bulk email is saved: the recurring catch-up job queues it within minutes.
        catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
        {
            logger.LogError(e, "Could not enqueue bulk email {BulkMail}; {Job} will.", bulk.Id, RequeueUnsentMailJob.RecurringJobId);
        }

        return RedirectToPage("/Admin/Mail/Bulk/Progress", new { id = bulk.Id });
    }

    private MailDraft Draft((string Email, string Name, string Culture) to, int categoryId, string? accessKey)
    {
        var chinese = to.Culture == "zh-Hans";
        var category = Categories.FirstOrDefault(c => c.Id == categoryId)?.Name(chinese) ?? "";
        var link = accessKey is { Length: > 0 } ? links.Registration(accessKey) : links.MyRegistration();
        return BulkMails.For(Input.SubjectEn!, Input.SubjectZh!, Input.BodyEn!, Input.BodyZh!, to, Edition.Name(chinese), category, link);
    }

    /// <summary>The segment, when the form is complete and its texts valid; else the messages are on the form.</summary>
    private async Task<MailSegment?> CheckAsync(CancellationToken cancellationToken)
    {
        ModelState.AddRefusals(BulkMails.Check(Input.SubjectEn, Input.SubjectZh, Input.BodyEn, Input.BodyZh), L);
        if (Input.CategoryId is int category && Categories.All(c => c.Id != category))
        {
            ModelState.AddModelError("Input.CategoryId", L["Choose one of this edition's categories."]);
        }

        if (Input.SessionId is int session && !await db.Sessions.AnyAsync(s => s.Id == session && s.EditionId == Edition.Id, cancellationToken))
        {
            ModelState.AddModelError("Input.SessionId", L["Choose one of this edition's sessions."]);
        }

        return ModelState.IsValid ? new MailSegment(Edition.Id, Input.CategoryId, Input.Status, Input.SessionId) : null;
    }

    private async Task<bool> LoadAsync(string edition, CancellationToken cancellationToken)
    {
        var found = await db.Editions.AsNoTracking().WithSlug(edition.ToLowerInvariant()).FirstOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return false;
        }

        Edition = found;
        Categories = await db.RegistrationCategories.AsNoTracking().Where(c => c.EditionId == found.Id).OrderBy(c => c.Order).ToListAsync(cancellationToken);
        Sessions = (await db.Sessions.AsNoTracking().Where(s => s.EditionId == found.Id && s.SeatLimit != null).OrderBy(s => s.StartsAt)
                .Select(s => new { s.Id, s.TitleEn, s.TitleZh }).ToListAsync(cancellationToken))
            .Select(s => (s.Id, s.TitleEn, s.TitleZh)).ToList();
        return true;
    }
}
