namespace Summit.Core.Registrations;

public enum SignupStatus
{
    Confirmed,
    Waitlisted,
}

/// <summary>
/// A confirmed registration's seat (or place in line) at a session with a seat limit. A cancelled sign-up is deleted:
/// the person can sign up again and joins the end of the line.
/// </summary>
public sealed class SessionSignup
{
    private SessionSignup()
    {
    }

    public int Id { get; private set; }

    public int SessionId { get; private set; }

    public int RegistrationId { get; private set; }

    public SignupStatus Status { get; private set; }

    /// <summary>Set while waitlisted: the order of the session's waiting list.</summary>
    public int? WaitlistTicket { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset StatusChangedAt { get; private set; }

    internal static SessionSignup Create(int sessionId, int registrationId, int? waitlistTicket, DateTimeOffset now) => new()
    {
        SessionId = sessionId,
        RegistrationId = registrationId,
        Status = waitlistTicket is null ? SignupStatus.Confirmed : SignupStatus.Waitlisted,
        WaitlistTicket = waitlistTicket,
        CreatedAt = now,
        StatusChangedAt = now,
    };

    internal void Promote(DateTimeOffset now)
    {
        Status = SignupStatus.Confirmed;
        WaitlistTicket = null;
        StatusChangedAt = now;
    }
}
