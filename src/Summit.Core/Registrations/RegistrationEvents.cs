using Summit.Core.Consequences;

namespace Summit.Core.Registrations;

/// <summary>A registration moved from one status to another (From is null when it was just made).</summary>
public sealed record RegistrationChanged(int RegistrationId, RegistrationStatus? From, RegistrationStatus To, string? Message = null);

/// <summary>A person on a session's waiting list got a seat that became free.</summary>
public sealed record SignupPromoted(int RegistrationId, int SessionId);

/// <summary>What a badge prints changed (a name, an organisation, the category), or the badge was reissued or erased.</summary>
public sealed record RegistrationDetailsChanged(int RegistrationId);

/// <summary>A confirmed person was checked in at a desk (or through the API).</summary>
public sealed record CheckedIn(int RegistrationId, DateTimeOffset At, string Desk);

/// <summary>What every badge of an edition (or of one of its categories) prints changed: a name, the dates, a colour.</summary>
public sealed record BadgesChanged(int EditionId, int? CategoryId);

/// <summary>
/// Records what follows a registration change (its email, its badge, press accreditation) as consequences in the
/// caller's transaction: call it before the SaveChanges that commits the change (decision 0014).
/// </summary>
public sealed class RegistrationEvents(ConsequenceRecorder consequences)
{
    public void Record(IEnumerable<RegistrationChanged> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        foreach (var change in changes)
        {
            consequences.Record(change, Subject(change.RegistrationId));
        }
    }

    public void Record(IEnumerable<SignupPromoted> promotions)
    {
        ArgumentNullException.ThrowIfNull(promotions);
        foreach (var promoted in promotions)
        {
            consequences.Record(promoted, Subject(promoted.RegistrationId));
        }
    }

    public void RecordDetailsChanged(int registrationId) => consequences.Record(new RegistrationDetailsChanged(registrationId), Subject(registrationId));

    public void RecordCheckedIn(CheckedIn checkedIn)
    {
        ArgumentNullException.ThrowIfNull(checkedIn);
        consequences.Record(checkedIn, Subject(checkedIn.RegistrationId));
    }

    public void RecordBadgesChanged(int editionId, int? categoryId) =>
        consequences.Record(new BadgesChanged(editionId, categoryId), categoryId is int id ? $"category:{id}" : $"edition:{editionId}");

    public static string Subject(int registrationId) => $"registration:{registrationId}";
}
