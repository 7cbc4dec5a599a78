namespace Summit.Core.Registrations;

/// <summary>One scan at a desk, whatever it found: the log of the door.</summary>
public sealed class CheckInScan
{
    private CheckInScan()
    {
    }

    internal CheckInScan(int? editionId, int? registrationId, CheckInResult result, string desk, string? scannedBy, DateTimeOffset at)
    {
        EditionId = editionId;
        RegistrationId = registrationId;
        Result = result;
        Desk = desk;
        ScannedBy = scannedBy;
        At = at;
    }

    public long Id { get; private set; }

    public int? EditionId { get; private set; }

    public int? RegistrationId { get; private set; }

    public CheckInResult Result { get; private set; }

    public string Desk { get; private set; } = "";

    public string? ScannedBy { get; private set; }

    public DateTimeOffset At { get; private set; }
}
