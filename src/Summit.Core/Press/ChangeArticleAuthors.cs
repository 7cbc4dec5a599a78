using Microsoft.EntityFrameworkCore;
using Summit.Core.Data;

namespace Summit.Core.Press;

/// <summary>
/// An article's authors: any author or editor adds another Press account (or a Press editor) by email as co-author,
/// or removes one; the last author stays. Authors are the byline, and they (with the editors) see the drafts.
/// </summary>
public sealed class ChangeArticleAuthors(SummitDbContext db, TimeProvider clock)
{
    public static class Reasons
    {
        public const string NotPress = "No Press account has this email address.";
        public const string AlreadyAuthor = "This person is already an author of the article.";
        public const string LastAuthor = "An article keeps at least one author.";
        public const string NotAuthor = "This person is not an author of the article.";
    }

    public async Task<ArticleOutcome> AddAsync(ArticleActor actor, int articleId, string? email, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var (article, refusal) = await ArticleRules.OpenAsync(db, articleId, actor, editorsOnly: false, null, cancellationToken);
        if (article is null)
        {
            return new(null, [refusal!]);
        }

        var normalized = (email ?? "").Trim().ToUpperInvariant();
        var pressRoles = new[] { Accounts.Roles.Press, Accounts.Roles.Editor };
        var user = normalized.Length == 0 ? null : await db.Users.AsNoTracking()
            .Where(u => u.NormalizedEmail == normalized && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && pressRoles.Contains(r.Name!))))
            .FirstOrDefaultAsync(cancellationToken);
        if (user is null)
        {
            return ArticleOutcome.Refused(Reasons.NotPress, "Email");
        }

        if (article.Authors.Any(a => a.UserId == user.Id))
        {
            return ArticleOutcome.Refused(Reasons.AlreadyAuthor, "Email");
        }

        if (ArticleRules.BeforeChange(db, article, actor, clock.GetUtcNow()) is { } locked)
        {
            return new(null, [locked]);
        }

        article.Authors.Add(new ArticleAuthor(user.Id, ArticleAuthor.Byline(user.DisplayName, user.Email!.Split('@')[0]), user.DisplayNameZh));
        ArticleRules.Record(db, article, ArticleEventKind.Saved, actor.Email, $"+ {user.Email}", clock.GetUtcNow());
        return await ArticleTransitions.SaveAsync(db, article, cancellationToken);
    }

    public async Task<ArticleOutcome> RemoveAsync(ArticleActor actor, int articleId, string userId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var (article, refusal) = await ArticleRules.OpenAsync(db, articleId, actor, editorsOnly: false, null, cancellationToken);
        if (article is null)
        {
            return new(null, [refusal!]);
        }

        var author = article.Authors.FirstOrDefault(a => a.UserId == userId);
        if (author is null)
        {
            return ArticleOutcome.Refused(Reasons.NotAuthor);
        }

        if (article.Authors.Count == 1)
        {
            return ArticleOutcome.Refused(Reasons.LastAuthor);
        }

        if (ArticleRules.BeforeChange(db, article, actor, clock.GetUtcNow()) is { } locked)
        {
            return new(null, [locked]);
        }

        article.Authors.Remove(author);
        ArticleRules.Record(db, article, ArticleEventKind.Saved, actor.Email, $"− {author.Name}", clock.GetUtcNow());
        return await ArticleTransitions.SaveAsync(db, article, cancellationToken);
    }
}
