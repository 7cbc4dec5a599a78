using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Summit.Web.Hosting;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Summit.Core.Data;
using Summit.Core.Editions;
using Summit.Core.Press;
using Summit.Core.Scheduling;
using Summit.Core.Speakers;
using Summit.Web.Localization;
using Summit.Web.Press;

namespace Summit.Web.Pages.Newsroom;

/// <summary>
/// One article in the newsroom: where it stands and what waits, with the actions its state allows (submit, ask the
/// speaker to sign off, schedule, send back, unpublish), its photos, its revisions and its history.
/// </summary>
public sealed class ArticleModel(SummitDbContext db, IStringLocalizer<SharedResource> L) : PageModel
{
    public Article Article { get; private set; } = null!;

    public Edition Edition { get; private set; } = null!;

    public ArticleActor Actor { get; private set; } = null!;

    public IReadOnlyList<Speaker> Speakers { get; private set; } = [];

    /// <summary>Sessions of the latest published programme, for a publication time relative to one.</summary>
    public IReadOnlyList<PublishedSession> Sessions { get; private set; } = [];

    public IReadOnlyList<ArticleEvent> History { get; private set; } = [];

    public IReadOnlyList<ArticleRevision> Revisions { get; private set; } = [];

    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostSubmitAsync(int id, string? stamp, [FromServices] SubmitArticle submit, CancellationToken cancellationToken) =>
        ActAsync(id, () => submit.RunAsync(Actor, id, stamp, cancellationToken), L["Sent to the editors."], cancellationToken);

    public Task<IActionResult> OnPostSignOffAsync(int id, int speakerId, [FromServices] RequestSignOff request, CancellationToken cancellationToken) =>
        ActAsync(id, () => request.RunAsync(Actor, id, speakerId, cancellationToken), L["The speaker has been asked to sign off the quotes."], cancellationToken);

    public Task<IActionResult> OnPostSendBackAsync(int id, string? comment, string? stamp, [FromServices] SendBackArticle sendBack, CancellationToken cancellationToken) =>
        ActAsync(id, () => sendBack.RunAsync(Actor, id, comment, stamp, cancellationToken), L["Sent back to its author."], cancellationToken);

    public async Task<IActionResult> OnPostUnpublishAsync(int id, string? reason, string? stamp, [FromServices] UnpublishArticle unpublish, [FromServices] Summit.Core.Site.CacheEvictions evictions, CancellationToken cancellationToken)
    {
        if (!this.IsConfirmed() && await LoadAsync(id, cancellationToken) && Article.Status == ArticleStatus.Published && !string.IsNullOrWhiteSpace(reason))
        {
            var headline = Article.Headline(Cultures.IsChinese(System.Globalization.CultureInfo.CurrentUICulture)) ?? Article.Slug;
            return this.Confirm(new ConfirmView(L["Take off the site"], [L["“{0}” will be taken off the public site and its feeds at once; the reason is kept in its history.", headline], L["Readers who open its address are told it was withdrawn."]], L["Yes, take it off the site"], $"/newsroom/{id}"));
        }

        return await ActAsync(id, async () =>
        {
            var outcome = await unpublish.RunAsync(Actor, id, reason, stamp, cancellationToken);
            if (outcome.Succeeded)
            {
                await Summit.Core.Site.EvictContentCache.EvictArticleAsync(db, evictions, id, cancellationToken);
            }

            return outcome;
        }, L["Taken off the site."], cancellationToken);
    }

    /// <param name="when">"time" (a fixed time, <paramref name="at"/> in the edition's zone) or "session".</param>
    public Task<IActionResult> OnPostScheduleAsync(int id, string? when, string? at, int? sessionId, SessionAnchor anchor, int offset, bool overrideSignOff, string? stamp, [FromServices] ScheduleArticle schedule, CancellationToken cancellationToken) =>
        ActAsync(id, () =>
        {
            PublishTime time;
            if (when == "session")
            {
                time = new PublishTime(null, sessionId, anchor, offset);
            }
            else
            {
                // Years far outside the summit's (0001, 9999) cannot be converted between zones: no time at all.
                var fixedTime = DateTime.TryParseExact(at, "yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local) && local.Year is >= 2000 and <= 2200
                    ? ScheduleTime.ToUtc(DateOnly.FromDateTime(local), TimeOnly.FromDateTime(local), Zone)
                    : (DateTimeOffset?)null;
                time = new PublishTime(fixedTime);
            }

            return schedule.RunAsync(Actor, id, time, overrideSignOff, stamp, cancellationToken);
        }, L["Scheduled."], cancellationToken);

    public Task<IActionResult> OnPostUploadAsync(int id, IFormFile? photo, string? captionEn, string? captionZh, string? credit, bool cover, bool social, [FromServices] ArticlePhotos photos, CancellationToken cancellationToken) =>
        ActAsync(id, async () =>
        {
            byte[] bytes = [];
            if (photo is { Length: > 0 and <= Summit.Core.Photos.PhotoProcessor.MaxBytes })
            {
                using var buffer = new MemoryStream();
                await photo.CopyToAsync(buffer, cancellationToken);
                bytes = buffer.ToArray();
            }
            else if (photo is { Length: > Summit.Core.Photos.PhotoProcessor.MaxBytes })
            {
                return new ArticleOutcome(null, [new("Photo", Summit.Core.Photos.PhotoProcessor.Reasons.TooLarge)]);
            }

            var (number, refusals) = await photos.UploadAsync(Actor, id, bytes, new ArticlePhotoDetails(captionEn, captionZh, credit, cover, social), cancellationToken);
            return number is null ? new ArticleOutcome(null, refusals) : new ArticleOutcome(id, []);
        }, L["Photo added."], cancellationToken);

    public Task<IActionResult> OnPostChoosePhotoAsync(int id, int number, bool cover, [FromServices] ArticlePhotos photos, CancellationToken cancellationToken) =>
        ActAsync(id, async () =>
        {
            var refusals = await photos.ChooseAsync(Actor, id, number, cover, cancellationToken);
            return new ArticleOutcome(refusals.Count == 0 ? id : null, refusals);
        }, cover ? L["Cover photo chosen."] : L["Image for sharing chosen."], cancellationToken);

    public Task<IActionResult> OnPostAddAuthorAsync(int id, string? email, [FromServices] ChangeArticleAuthors authors, CancellationToken cancellationToken) =>
        ActAsync(id, () => authors.AddAsync(Actor, id, email, cancellationToken), L["Co-author added."], cancellationToken);

    public Task<IActionResult> OnPostRemoveAuthorAsync(int id, string userId, [FromServices] ChangeArticleAuthors authors, CancellationToken cancellationToken) =>
        ActAsync(id, () => authors.RemoveAsync(Actor, id, userId, cancellationToken), L["Author removed."], cancellationToken);

    public Task<IActionResult> OnPostRemovePhotoAsync(int id, int number, [FromServices] ArticlePhotos photos, CancellationToken cancellationToken) =>
        ActAsync(id, async () =>
        {
            var refusals = await photos.RemoveAsync(Actor, id, number, cancellationToken);
            return new ArticleOutcome(refusals.Count == 0 ? id : null, refusals);
        }, L["Photo removed."], cancellationToken);

    private async Task<IActionResult> ActAsync(int id, Func<Task<ArticleOutcome>> act, string done, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var outcome = await act();
        if (!outcome.Succeeded)
        {
            ModelState.AddRefusals(outcome.Refusals, L, prefix: "");
            await LoadAsync(id, cancellationToken);
            return Page();
        }

        Message = done;
        return RedirectToPage(new { id });
    }

    /// <summary>The object's audit trail, newest first (the last 100 entries).</summary>
    public IReadOnlyList<Summit.Core.Audit.AuditEntry> AuditHistory { get; private set; } = [];

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (PressActors.Of(User) is not { } actor)
        {
            return false;
        }

        var article = await db.Articles.AsNoTracking()
            .Include(a => a.Authors).Include(a => a.Photos).Include(a => a.Speakers).Include(a => a.Sessions).Include(a => a.Tags).Include(a => a.Corrections)
            .AsSplitQuery().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (article is null || !ArticleRules.MaySee(article, actor) || !ArticleRules.MayEdit(article, actor))
        {
            return false;
        }

        Actor = actor;
        Article = article;
        Edition = await db.Editions.AsNoTracking().FirstAsync(e => e.Id == article.EditionId, cancellationToken);
        Zone = TimeZoneInfo.FindSystemTimeZoneById(Edition.TimeZoneId);
        var speakerIds = article.Speakers.Select(s => s.SpeakerId).ToList();
        Speakers = await db.Speakers.AsNoTracking().Where(s => speakerIds.Contains(s.Id)).ToListAsync(cancellationToken);
        var version = await db.ScheduleVersions.Where(v => v.EditionId == article.EditionId).OrderByDescending(v => v.Number).Select(v => (int?)v.Id).FirstOrDefaultAsync(cancellationToken);
        Sessions = await db.PublishedSessions.AsNoTracking().Where(p => p.VersionId == version && !p.IsCancelled).OrderBy(p => p.StartsAt).ToListAsync(cancellationToken);
        AuditHistory = await Summit.Core.Audit.AuditQueries.About(db.AuditEntries.AsNoTracking(), Summit.Core.Audit.AuditedTypes.Article, id).Take(100).ToListAsync(cancellationToken);
        History = await db.ArticleEvents.AsNoTracking().Where(e => e.ArticleId == id).OrderByDescending(e => e.Id).Take(100).ToListAsync(cancellationToken);
        Revisions = await db.ArticleRevisions.AsNoTracking().Where(r => r.ArticleId == id).OrderByDescending(r => r.Number).Take(50).ToListAsync(cancellationToken);
        return true;
    }
}
