using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Summit.Core.Data;
using Summit.Core.Editions;
using Summit.Core.Press;
using Summit.Core.Speakers;
using Summit.Web.Localization;
using Summit.Web.Press;

namespace Summit.Web.Pages.Newsroom;

/// <summary>Writes an article: a new draft, or a change by its author or an editor (a correction once published). Preview on the page.</summary>
public sealed class EditModel(SummitDbContext db, SaveArticle save, IStringLocalizer<SharedResource> L) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public Article? Article { get; private set; }

    public IReadOnlyList<Edition> Editions { get; private set; } = [];

    public IReadOnlyList<Speaker> SpeakerOptions { get; private set; } = [];

    public IReadOnlyList<(int Id, string TitleEn, string TitleZh)> SessionLimits { get; private set; } = [];

    /// <summary>The body as the article page would show it, after "Preview".</summary>
    public IReadOnlyList<ArticleBlock>? Preview { get; private set; }

    public sealed class InputModel
    {
        public int? EditionId { get; set; }

        public ArticleKind Kind { get; set; }

        public string? Slug { get; set; }

        public string? HeadlineEn { get; set; }

        public string? HeadlineZh { get; set; }

        public string? DatelineEn { get; set; }

        public string? DatelineZh { get; set; }

        public string? LeadEn { get; set; }

        public string? LeadZh { get; set; }

        public string? BodyEn { get; set; }

        public string? BodyZh { get; set; }

        /// <summary>Comma-separated.</summary>
        public string? Tags { get; set; }

        /// <summary>One per line: "Zhang Yue, as an intern".</summary>
        public string? Contributors { get; set; }

        public List<int> SpeakerIds { get; set; } = [];

        public List<int> SessionIds { get; set; } = [];

        public string? SeoTitle { get; set; }

        public string? SeoDescription { get; set; }

        public string? CorrectionNote { get; set; }

        public int? Revision { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int? id, int? edition, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, edition, cancellationToken))
        {
            return NotFound();
        }

        if (Article is { } a)
        {
            var content = ArticleRules.ContentOf(a);
            Input = new InputModel
            {
                EditionId = a.EditionId,
                Kind = a.Kind,
                Slug = a.Slug,
                HeadlineEn = a.HeadlineEn,
                HeadlineZh = a.HeadlineZh,
                DatelineEn = a.DatelineEn,
                DatelineZh = a.DatelineZh,
                LeadEn = a.LeadEn,
                LeadZh = a.LeadZh,
                BodyEn = a.BodyEn,
                BodyZh = a.BodyZh,
                Tags = string.Join(", ", content.Tags),
                Contributors = string.Join("\n", content.Contributors.Select(ArticleBylines.FormatContributor)),
                SpeakerIds = [.. content.SpeakerIds],
                SessionIds = [.. content.SessionIds],
                SeoTitle = a.SeoTitle,
                SeoDescription = a.SeoDescription,
                Revision = a.Revision,
            };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, Input.EditionId, cancellationToken))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var actor = PressActors.Of(User)!;
        var result = await save.RunAsync(actor, Article?.EditionId ?? Input.EditionId ?? 0, id, Content(), Input.Revision, string.IsNullOrWhiteSpace(Input.CorrectionNote) ? null : Input.CorrectionNote, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddRefusals(result.Refusals, L);
            return Page();
        }

        TempData["Message"] = L["Saved."].Value;
        return RedirectToPage("/Newsroom/Article", new { id = result.ArticleId });
    }

    /// <summary>The body rendered as the article page would render it, below the form; nothing is saved.</summary>
    public async Task<IActionResult> OnPostPreviewAsync(int? id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, Input.EditionId, cancellationToken))
        {
            return NotFound();
        }

        var body = string.IsNullOrWhiteSpace(Input.BodyEn) ? Input.BodyZh : Input.BodyEn;
        Preview = ArticleBody.Blocks(body is { Length: > Article.BodyMaxLength } ? body[..Article.BodyMaxLength] : body);
        return Page();
    }

    /// <summary>The live preview's fragment (live-preview.js): cleaned HTML of the Markdown posted, photo lines as placeholders.</summary>
    public IActionResult OnPostFragment(string? markdown)
    {
        if (markdown is { Length: > Article.BodyMaxLength })
        {
            return StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        var html = string.Concat(ArticleBody.Blocks(markdown).Select(b => b.Html ?? $"<p class=\"hint\">[{System.Net.WebUtility.HtmlEncode(L["Photo {0}", b.PhotoNumber ?? 0].Value)}]</p>"));
        return Content(html, "text/html; charset=utf-8");
    }

    private ArticleContent Content() => new(
        Input.Kind, Input.Slug, Input.HeadlineEn, Input.HeadlineZh, Input.LeadEn, Input.LeadZh, Input.BodyEn, Input.BodyZh, Input.DatelineEn, Input.DatelineZh,
        // The quotes are not typed: Article.Apply takes them from the texts (ArticleQuotes).
        Input.SeoTitle, Input.SeoDescription, null,
        [.. (Input.Tags ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
        [.. (Input.Contributors ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(ArticleBylines.ParseContributor)],
        Input.SpeakerIds, Input.SessionIds);

    private async Task<bool> LoadAsync(int? id, int? editionId, CancellationToken cancellationToken)
    {
        var actor = PressActors.Of(User);
        if (id is int articleId)
        {
            var article = await db.Articles.AsNoTracking().Include(a => a.Authors).Include(a => a.Tags).Include(a => a.Contributors).Include(a => a.Speakers).Include(a => a.Sessions).Include(a => a.Photos)
                .AsSplitQuery().FirstOrDefaultAsync(a => a.Id == articleId, cancellationToken);
            if (article is null || actor is null || !ArticleRules.MayEdit(article, actor))
            {
                return false;
            }

            Article = article;
            editionId = article.EditionId;
        }

        Editions = await db.Editions.AsNoTracking().OrderByDescending(e => e.StartDate).ToListAsync(cancellationToken);
        var edition = editionId ?? (Editions.Count > 0 ? Editions[0].Id : null);
        if (edition is int chosen)
        {
            SpeakerOptions = await db.Speakers.AsNoTracking()
                .Where(s => db.Set<SpeakerEdition>().Any(se => se.SpeakerId == s.Id && se.EditionId == chosen))
                .OrderBy(s => s.FamilyNameLatin ?? s.FamilyNameZh).ToListAsync(cancellationToken);
            SessionLimits = (await db.Sessions.AsNoTracking().Where(s => s.EditionId == chosen).OrderBy(s => s.StartsAt == null).ThenBy(s => s.Id)
                .Select(s => new { s.Id, s.TitleEn, s.TitleZh }).ToListAsync(cancellationToken)).Select(s => (s.Id, s.TitleEn, s.TitleZh)).ToList();
            Input.EditionId ??= chosen;
        }

        return true;
    }
}
