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
}
