using Microsoft.EntityFrameworkCore;
using Summit.Core.Data;

namespace Summit.Core.Press;

/// <summary>
/// An author sends the quoted passages to the interviewed speaker: a single-use link by email (to the speaker's
/// contact address), also answerable from the speaker's own account. The article waits in quote review.
/// </summary>
public sealed class RequestSignOff(SummitDbContext db, ArticleEvents events, TimeProvider clock)
{
    public static class Reasons
    {
        public const string NoQuotes = "The text quotes no one yet: put the speaker's words in quotation marks (“…” or 「…」) in the text; those passages are what the speaker signs off.";
        public const string NotCovered = "Choose one of the speakers this article covers.";
        public const string NoAddress = "This speaker has neither a contact email address nor an account: ask the organizers to add one.";
    }

    public async Task<ArticleOutcome> RunAsync(ArticleActor actor, int articleId, int speakerId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var (article, refusal) = await ArticleRules.OpenAsync(db, articleId, actor, editorsOnly: false, null, cancellationToken);
        if (article is null)
        {
            return new(null, [refusal!]);
        }

        if (article.Status is not (ArticleStatus.Draft or ArticleStatus.QuoteReview or ArticleStatus.EditorReview))
        {
            return new(null, [ArticleRules.WrongState()]);
        }

        if (string.IsNullOrWhiteSpace(article.QuotedPassages))
        {
            return ArticleOutcome.Refused(Reasons.NoQuotes, nameof(Article.QuotedPassages));
        }

        if (article.Speakers.All(s => s.SpeakerId != speakerId))
        {
            return ArticleOutcome.Refused(Reasons.NotCovered, "SpeakerId");
        }

        var speaker = await db.Speakers.AsNoTracking().FirstAsync(s => s.Id == speakerId, cancellationToken);
        if (string.IsNullOrWhiteSpace(speaker.ContactEmail) && speaker.UserId is null)
        {
            return ArticleOutcome.Refused(Reasons.NoAddress, "SpeakerId");
        }

        // A new request replaces an earlier one: its link stops working.
        var token = ArticleRules.NewToken();
        var now = clock.GetUtcNow();
        article.RequestSignOff(speakerId, ArticleRules.Hash(token), now);
        ArticleRules.Record(db, article, ArticleEventKind.SignOffRequested, actor.Email, speaker.DisplayName(chinese: false), now);
        // The email with the link commits with the request (decision 0014).
        events.Record(new SignOffRequested(article.Id, speakerId, token));
        var saved = await ArticleTransitions.SaveAsync(db, article, cancellationToken);
        if (!saved.Succeeded)
        {
            return saved;
        }

        return new(article.Id, []);
    }
}
