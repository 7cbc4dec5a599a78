using Microsoft.Extensions.Logging;

namespace Summit.Core.Press;

/// <summary>The interviewed speaker is asked to sign off the quoted passages: the link (with its token) goes to them.</summary>
public sealed record SignOffRequested(int ArticleId, int SpeakerId, string Token);

/// <summary>The speaker answered: the authors are told.</summary>
public sealed record SignOffAnswered(int ArticleId, bool Approved, string? Comment);

/// <summary>A scheduled article was held (its session was cancelled or taken off the programme): the authors are told.</summary>
public sealed record ArticleHeld(int ArticleId, int SessionId);

/// <summary>The publishing job published an article.</summary>
public sealed record ArticlePublished(int ArticleId);

/// <summary>Reacts to committed article changes (emails, caches). Every method has a default that does nothing.</summary>
public interface IArticleListener
{
    Task HandleAsync(SignOffRequested requested, CancellationToken cancellationToken) => Task.CompletedTask;

    Task HandleAsync(SignOffAnswered answered, CancellationToken cancellationToken) => Task.CompletedTask;

    Task HandleAsync(ArticleHeld held, CancellationToken cancellationToken) => Task.CompletedTask;

    Task HandleAsync(ArticlePublished published, CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>Hands committed article changes to every listener; one failing is logged and undoes nothing.</summary>
public sealed class ArticleEvents(IEnumerable<IArticleListener> listeners, ILogger<ArticleEvents> logger)
{
    public Task RaiseAsync(SignOffRequested requested) => RaiseAsync(l => l.HandleAsync(requested, CancellationToken.None), requested.ArticleId);

    public Task RaiseAsync(SignOffAnswered answered) => RaiseAsync(l => l.HandleAsync(answered, CancellationToken.None), answered.ArticleId);

    public Task RaiseAsync(ArticleHeld held) => RaiseAsync(l => l.HandleAsync(held, CancellationToken.None), held.ArticleId);

    public Task RaiseAsync(ArticlePublished published) => RaiseAsync(l => l.HandleAsync(published, CancellationToken.None), published.ArticleId);

    private async Task RaiseAsync(Func<IArticleListener, Task> handle, int articleId)
    {
        foreach (var listener in listeners)
        {
            try
            {
                await handle(listener);
            }
#pragma warning disable CA1031 // The change is committed; a listener's failure (a queue down) is logged.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                logger.LogError(exception, "{Listener} failed on article {Article}.", listener.GetType().Name, articleId);
            }
        }
    }
}
