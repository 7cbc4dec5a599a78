using System.Diagnostics.CodeAnalysis;

namespace Summit.Web.Scheduling;

/// <summary>The time zones a visitor can pick to read the schedule in; any IANA zone is accepted from the address.</summary>
public static class ViewerZones
{
    /// <summary>Where the summit's audience mostly is, offered in the picker; the browser's own zone is added by script.</summary>
    public static readonly IReadOnlyList<string> Common =
    [
        "Asia/Shanghai", "Asia/Singapore", "Asia/Hong_Kong", "Asia/Kuala_Lumpur", "Asia/Jakarta", "Asia/Bangkok", "Asia/Ho_Chi_Minh",
        "Asia/Manila", "Asia/Tokyo", "Asia/Kolkata", "Asia/Dubai", "Europe/London", "Europe/Paris", "America/New_York",
        "America/Los_Angeles", "Australia/Sydney", "UTC",
    ];

    public static bool TryFind(string id, [NotNullWhen(true)] out TimeZoneInfo? zone)
    {
        zone = null;
        return id.Length <= 64
               && (id == "UTC" || id.Contains('/', StringComparison.Ordinal))
               && TimeZoneInfo.TryFindSystemTimeZoneById(id, out zone)
               && zone.HasIanaId;
    }
}
