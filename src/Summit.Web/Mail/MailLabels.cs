using Summit.Core.Mail;

namespace Summit.Web.Mail;

/// <summary>The English keys (localized through the shared resource) for mail states.</summary>
public static class MailLabels
{
    public static string Status(MailStatus status) => status switch
    {
        MailStatus.Queued => "Queued",
        MailStatus.Sending => "Sending",
        MailStatus.Sent => "Sent",
        MailStatus.Failed => "Failed",
        _ => "Cancelled",
    };

    /// <summary>What an email kind is, for organizers; the id itself for kinds without a name here.</summary>
    public static string Kind(string kind) => kind switch
    {
        "registration.received" => "Registration received (waiting for approval)",
        "registration.confirmed" => "Registration confirmed",
        "registration.waitlisted" => "On the waiting list",
        "registration.promoted" => "Moved up from the waiting list",
        "registration.declined" => "Registration not accepted",
        "registration.cancelled" => "Registration cancelled",
        "registration.reminder" => "Reminder before the summit",
        _ => kind,
    };
}
