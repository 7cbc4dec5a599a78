using Summit.Core.Registrations;

namespace Summit.Web.Registrations;

/// <summary>The English keys (localized through the shared resource) for registration states, as organizers read them.</summary>
public static class RegistrationLabels
{
    public static string Status(RegistrationStatus status) => status switch
    {
        RegistrationStatus.Confirmed => "Confirmed",
        RegistrationStatus.PendingApproval => "Waiting for approval",
        RegistrationStatus.Waitlisted => "On the waiting list",
        RegistrationStatus.Declined => "Not accepted",
        _ => "Cancelled",
    };
}
