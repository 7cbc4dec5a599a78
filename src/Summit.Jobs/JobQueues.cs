namespace Summit.Jobs;

/// <summary>Queues by kind, so slow PDF work never holds up email. Workers listen to all of them, in this order.</summary>
public static class JobQueues
{
    public const string Mail = "mail";

    /// <summary>Webhook events: written and first sent by their consequence, so a slow receiver never holds up email or badges.</summary>
    public const string Webhooks = "webhooks";
    public const string Badges = "badges";
    public const string Default = "default";

    public static readonly string[] All = [Mail, Webhooks, Badges, Default];
}
