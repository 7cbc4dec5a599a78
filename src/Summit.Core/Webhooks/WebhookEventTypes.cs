namespace Summit.Core.Webhooks;

/// <summary>
/// The events an endpoint can subscribe to. The names are part of the API (receivers switch on them): never rename
/// one that has been released.
/// </summary>
public static class WebhookEventTypes
{
    public const string RegistrationCreated = "registration.created";
    public const string RegistrationConfirmed = "registration.confirmed";
    public const string RegistrationWaitlisted = "registration.waitlisted";
    public const string RegistrationCancelled = "registration.cancelled";
    public const string RegistrationChanged = "registration.changed";
    public const string CheckInCreated = "checkin.created";
    public const string SchedulePublished = "schedule.published";
    public const string SessionChanged = "session.changed";
    public const string ArticlePublished = "article.published";
    public const string SpeakerChanged = "speaker.changed";

    /// <summary>Sent only by "send a test event", to the one endpoint, whatever it subscribes to.</summary>
    public const string Test = "webhook.test";

    public static readonly IReadOnlyList<string> All =
    [
        RegistrationCreated, RegistrationConfirmed, RegistrationWaitlisted, RegistrationCancelled, RegistrationChanged,
        CheckInCreated, SchedulePublished, SessionChanged, ArticlePublished, SpeakerChanged,
    ];

    public static bool IsKnown(string type) => All.Contains(type, StringComparer.Ordinal);
}
