using Microsoft.EntityFrameworkCore;
using Summit.Core.Data;
using Summit.Core.Press;
using Summit.Core.Site;
using Summit.Core.Consequences;
using Summit.Jobs.Mail;

namespace Summit.Jobs.Press;

/// <summary>
/// The newsroom's emails, consequences of committed changes (decision 0014): to the speaker asked to sign off, and to
/// the authors. Run twice, each finds its first row by the mail log's key. Do not rename: consequences store the name.
/// </summary>
public sealed class PressMailer(SummitDbContext db, MailOutbox outbox, SiteLinks site)
    : IConsequenceHandler<SignOffRequested>, IConsequenceHandler<SignOffAnswered>, IConsequenceHandler<ArticleHeld>
{
    public async Task HandleAsync(SignOffRequested requested, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requested);
        var article = await db.Articles.AsNoTracking().FirstAsync(a => a.Id == requested.ArticleId, cancellationToken);
        var speaker = await db.Speakers.AsNoTracking().FirstAsync(s => s.Id == requested.SpeakerId, cancellationToken);
        var account = speaker.UserId is null ? null : await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == speaker.UserId, cancellationToken);
        var to = speaker.ContactEmail ?? account?.Email;
        if (to is null)
        {
            return;
        }

        var culture = Core.Speakers.SpeakerNames.Culture(account?.PreferredCulture, speaker.NameZh, speaker.NameLatin, speaker.CountryCode);
        var chinese = Chinese(culture);
        var draft = PressMails.SignOffRequest(to, speaker.DisplayName(chinese), culture, article.Headline(chinese) ?? "", article.QuotedPassages ?? "", Link($"/press/sign-off/{requested.Token}"));
        // One email per request: a new request (a new token) is a new email.
        await outbox.QueueAsync(draft.About($"article:{article.Id}", $"signoff-{ArticleRules.Hash(requested.Token)[..16]}"), cancellationToken);
    }

    public async Task HandleAsync(SignOffAnswered answered, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(answered);
        var article = await db.Articles.AsNoTracking().FirstAsync(a => a.Id == answered.ArticleId, cancellationToken);
        await ToAuthorsAsync(article, (email, name, culture) => PressMails.SignOffAnswer(email, name, culture, article.Headline(Chinese(culture)) ?? "", answered.Approved, answered.Comment, Link(article)),
            $"answer-{article.SignOffAnsweredAt?.ToUnixTimeMilliseconds()}", cancellationToken);
    }

    public async Task HandleAsync(ArticleHeld held, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(held);
        var article = await db.Articles.AsNoTracking().FirstAsync(a => a.Id == held.ArticleId, cancellationToken);
        var session = await db.Sessions.AsNoTracking().Where(s => s.Id == held.SessionId).Select(s => new { s.TitleEn, s.TitleZh }).FirstOrDefaultAsync(cancellationToken);
        await ToAuthorsAsync(article, (email, name, culture) =>
        {
            var chinese = Chinese(culture);
            return PressMails.Held(email, name, culture, article.Headline(chinese) ?? "", (chinese ? session?.TitleZh : session?.TitleEn) ?? "", Link(article));
        }, $"held-{article.UpdatedAt.ToUnixTimeMilliseconds()}", cancellationToken);
    }

    private Uri Link(Article article) => Link($"/newsroom/{article.Id}");

    /// <summary>
    /// From the request (or <c>Web:PublicUrl</c>) while one is handled; else (a programme published by a script or a
    /// job) from the same setting as the jobs' links.
    /// </summary>
    private Uri Link(string path) => site.Link(path);

    private async Task ToAuthorsAsync(Article article, Func<string, string, string, MailDraft> write, string version, CancellationToken cancellationToken)
    {
        var authors = await db.Set<ArticleAuthor>().AsNoTracking().Where(a => a.ArticleId == article.Id)
            .Join(db.Users, a => a.UserId, u => u.Id, (a, u) => new { u.Email, u.DisplayName, u.PreferredCulture })
            .ToListAsync(cancellationToken);
        foreach (var author in authors.Where(a => a.Email is not null))
        {
            await outbox.QueueAsync(write(author.Email!, author.DisplayName, author.PreferredCulture).About($"article:{article.Id}", version), cancellationToken);
        }
    }

    private static bool Chinese(string culture) => Cultures.Normalize(culture) == Cultures.Chinese;
}
