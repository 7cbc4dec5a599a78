namespace Summit.Core.Webhooks;

/// <summary>The <c>Webhooks</c> settings.</summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>
    /// Hosts (names or addresses) that may be reached although they are internal: plain http, loopback and private
    /// addresses are refused for every other host (SSRF). For receivers inside the organizers' own network.
    /// </summary>
    public IList<string> AllowedInternalHosts { get; } = [];

    /// <summary>How long a receiver may take to answer.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The wait after the first failure; each next wait is four times longer, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(15);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(4);

    /// <summary>A delivery still failing this long after its event is marked failed.</summary>
    public TimeSpan GiveUpAfter { get; set; } = TimeSpan.FromDays(1);

    /// <summary>An endpoint failing without a single success for this long is paused, and its organizers emailed.</summary>
    public TimeSpan PauseAfter { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How many deliveries a pump takes at once, and how many of them it sends at the same time.</summary>
    public int BatchSize { get; set; } = 200;

    public int Parallelism { get; set; } = 32;

    public bool IsAllowedInternal(string host) =>
        AllowedInternalHosts.Any(h => string.Equals(h.Trim().TrimEnd('.'), host.TrimEnd('.'), StringComparison.OrdinalIgnoreCase));

    /// <summary>The wait after the <paramref name="attempts"/>-th failed attempt.</summary>
    public TimeSpan RetryDelayAfter(int attempts)
    {
        var delay = FirstRetryDelay;
        for (var i = 1; i < attempts && delay < MaxRetryDelay; i++)
        {
            delay *= 4;
        }

        return delay < MaxRetryDelay ? delay : MaxRetryDelay;
    }
}
