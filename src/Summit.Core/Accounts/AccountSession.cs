namespace Summit.Core.Accounts;

/// <summary>How a session was signed in, as its authentication ticket says (the <c>amr</c> claim Identity sets).</summary>
public enum SignInMethod
{
    Password,
    TwoFactor,
    Passkey,
    Other,
}

/// <summary>
/// One signed-in browser: the server-side half of an auth cookie, which carries only a random key. The row is found by
/// the key's SHA-256, so the table alone cannot be turned back into cookies. Deleting the row signs that browser out
/// at its next request, on every node (<see cref="DatabaseTicketStore"/>).
/// </summary>
public sealed class AccountSession
{
    public const int IdLength = 64;
    public const int UserAgentLength = 400;
    public const int AddressLength = 45;

    private AccountSession()
    {
    }

    public AccountSession(string id, string userId, SignInMethod method, string? ipAddress, string? userAgent, byte[] ticket, DateTimeOffset now, DateTimeOffset expiresAt)
    {
        ArgumentNullException.ThrowIfNull(userAgent);
        Id = id;
        UserId = userId;
        Method = method;
        // An IPv6 address with a zone can be longer than the column; the zone says nothing to the person reading the list.
        IpAddress = ipAddress?.Split('%')[0] is { Length: > AddressLength } longer ? longer[..AddressLength] : ipAddress?.Split('%')[0];
        UserAgent = userAgent.Length > UserAgentLength ? userAgent[..UserAgentLength] : userAgent;
        Ticket = ticket;
        CreatedAt = now;
        LastSeenAt = now;
        ExpiresAt = expiresAt;
    }

    /// <summary>The SHA-256 (hex) of the key in the cookie.</summary>
    public string Id { get; private set; } = "";

    public string UserId { get; private set; } = "";

    public SignInMethod Method { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The last request, to within <see cref="SessionLimits.LastSeenResolution"/>.</summary>
    public DateTimeOffset LastSeenAt { get; private set; }

    /// <summary>The absolute end, however active the session is.</summary>
    public DateTimeOffset ExpiresAt { get; private set; }

    public string? IpAddress { get; private set; }

    public string UserAgent { get; private set; } = "";

    /// <summary>The authentication ticket (claims and properties), as the cookie would have carried it.</summary>
    public byte[] Ticket { get; private set; } = [];
}
