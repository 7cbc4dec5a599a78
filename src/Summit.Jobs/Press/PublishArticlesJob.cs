using Hangfire;
using Microsoft.Extensions.Logging;
using Summit.Core.Press;

namespace Summit.Jobs.Press;

/// <summary>
/// Every minute: publishes the scheduled articles that are due (at most a minute late). Two workers running it at
/// once publish each article once (<see cref="PublishDueArticles"/>). Do not rename: Hangfire stores this type's name.
/// </summary>
[AutomaticRetry(Attempts = 0)]
[DisableConcurrentExecution(timeoutInSeconds: 50)]
public sealed class PublishArticlesJob(PublishDueArticles publish, ILogger<PublishArticlesJob> logger)
{
    public const string RecurringJobId = "press.publish-due";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var published = await publish.RunAsync(cancellationToken);
        if (published.Count > 0)
        {
            logger.LogInformation("Published {Count} due articles: {Articles}.", published.Count, string.Join(", ", published));
        }
    }
}
