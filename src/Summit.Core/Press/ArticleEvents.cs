using Microsoft.Extensions.Logging;
using Summit.Core.Consequences;

namespace Summit.Core.Press;

/// <summary>The interviewed speaker is asked to sign off the quoted passages: the link (with its token) goes to them.</summary>
public sealed record SignOffRequested(int ArticleId, int SpeakerId, string Token);

/// <summary>The speaker answered: the authors are told.</summary>
public sealed record SignOffAnswered(int ArticleId, bool Approved, string? Comment);

/// <summary>A scheduled article was held (its session was cancelled or taken off the programme): the authors are told.</summary>
public sealed record ArticleHeld(int ArticleId, int SessionId);

/// <summary>The publishing job published an article.</summary>
public sealed record ArticlePublished(int ArticleId);

/// <summary>
/// In-process reactions to a committed publication (this node's caches): they die with the process anyway, so they
/// are not consequences. Everything durable that follows an article change is a consequence (decision 0014).
/// </summary>
public interface IArticleListener
{
    Task HandleAsync(ArticlePublished published, CancellationToken cancellationToken);
}

/// <summary>
/// Records what follows an article change (the emails to the speaker and the authors) as consequences in the caller's
/// transaction: call it before the SaveChanges that commits the change. <see cref="PublishedAsync"/> then tells this
/// process's listeners, after the commit.
/// </summary>
public sealed class ArticleEvents(ConsequenceRecorder consequences, IEnumerable<IArticleListener> listeners, ILogger<ArticleEvents> logger)
{
    public void Record(SignOffRequested requested)
    {
        ArgumentNullException.ThrowIfNull(requested);
        consequences.Record(requested, Subject(requested.ArticleId));
    }

    public void Record(SignOffAnswered answered)
    {
        ArgumentNullException.ThrowIfNull(answered);
        consequences.Record(answered, Subject(answered.ArticleId));
    }

    public void Record(ArticleHeld held)
    {
        ArgumentNullException.ThrowIfNull(held);
        consequences.Record(held, Subject(held.ArticleId));
    }

    public void Record(ArticlePublished published)
    {
        ArgumentNullException.ThrowIfNull(published);
        consequences.Record(published, Subject(published.ArticleId));
    }

    /// <summary>After the commit: this node's caches. A failure here loses nothing durable and is logged.</summary>
    public async Task PublishedAsync(ArticlePublished published)
    {
        foreach (var listener in listeners)
        {
            try
            {
                await listener.HandleAsync(published, CancellationToken.None);
            }
#pragma warning disable CA1031 // An in-memory cache of this process: nothing durable to keep, and the cache's own expiry catches up.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                logger.LogError(exception, "{Listener} failed on article {Article}.", listener.GetType().Name, published.ArticleId);
            }
        }
    }

    public static string Subject(int articleId) => $"article:{articleId}";
}
