using System.ComponentModel.DataAnnotations;

namespace Summit.Core.Accounts;

/// <summary>How long a signed-in session lasts (settings <c>Accounts:SessionIdleDays</c> and <c>Accounts:SessionAbsoluteDays</c>).</summary>
public sealed class SessionLimits
{
    public const string Section = "Accounts";

    /// <summary>A session not used for this long is over.</summary>
    [Range(1, 365)]
    public int SessionIdleDays { get; set; } = 14;

    /// <summary>A session is over this long after its sign-in, however much it is used.</summary>
    [Range(1, 3650)]
    public int SessionAbsoluteDays { get; set; } = 90;

    public TimeSpan Idle => TimeSpan.FromDays(SessionIdleDays);

    public TimeSpan Absolute => TimeSpan.FromDays(SessionAbsoluteDays);

    /// <summary>"Last seen" is written at most this often per session, so that reading pages does not write on every request.</summary>
    public static readonly TimeSpan LastSeenResolution = TimeSpan.FromMinutes(1);
}
