namespace Summit.Core.Registrations;

/// <summary>One registration of a print run, chosen when the run was planned: a retry prints the same badges.</summary>
public sealed class BadgeSheetEntry
{
    private BadgeSheetEntry()
    {
    }

    internal BadgeSheetEntry(int registrationId) => RegistrationId = registrationId;

    public int BadgeSheetId { get; private set; }

    public int RegistrationId { get; private set; }
}
