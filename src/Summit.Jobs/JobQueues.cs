namespace Summit.Jobs;

/// <summary>Queues by kind, so slow PDF work never holds up email. Workers listen to all three, in this order.</summary>
public static class JobQueues
{
    public const string Mail = "mail";
    public const string Badges = "badges";
    public const string Default = "default";

    public static readonly string[] All = [Mail, Badges, Default];
}
