using Summit.Core.Webhooks;

namespace Summit.Web.Pages.Admin.Webhooks;

/// <summary>What each event type means, as organizers read it (the keys are localized).</summary>
public static class WebhookLabels
{
    public static string Event(string type) => type switch
    {
        WebhookEventTypes.RegistrationCreated => "A registration is made (by the form, an organizer, an import or the API)",
        WebhookEventTypes.RegistrationConfirmed => "A registration is confirmed",
        WebhookEventTypes.RegistrationWaitlisted => "A registration is put on the waiting list",
        WebhookEventTypes.RegistrationCancelled => "A registration is cancelled or declined",
        WebhookEventTypes.RegistrationChanged => "A registration's details, category or other status change",
        WebhookEventTypes.CheckInCreated => "Someone is checked in",
        WebhookEventTypes.SchedulePublished => "A version of the programme is published",
        WebhookEventTypes.SessionChanged => "A session changes in a published version",
        WebhookEventTypes.ArticlePublished => "An article is published",
        WebhookEventTypes.SpeakerChanged => "A speaker's profile changes",
        WebhookEventTypes.Test => "Test event",
        _ => type,
    };

    public static string Status(WebhookDeliveryStatus status) => status switch
    {
        WebhookDeliveryStatus.Pending => "On its way",
        WebhookDeliveryStatus.Delivered => "Delivered",
        _ => "Failed",
    };
}
