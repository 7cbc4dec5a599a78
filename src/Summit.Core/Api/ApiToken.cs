namespace Summit.Core.Api;

/// <summary>
/// A bearer token for the organizer API. The secret is shown once, when the token is made; only its SHA-256 is kept
/// (the secret is 256 random bits, so a slow hash would add nothing). The prefix, the first characters of the secret,
/// lets an organizer tell tokens apart and find one that leaked.
/// </summary>
public sealed class ApiToken
{
    public const int NameLength = 100;

    /// <summary>Every secret starts with this, so secret scanners can recognise one that leaked.</summary>
    public const string SecretPrefix = "summit_";

    public const int PrefixLength = 12;

    private ApiToken()
    {
    }

    public ApiToken(string name, string prefix, string tokenHash, string scopes, string? editionIds, DateTimeOffset? expiresAt, string? createdBy, DateTimeOffset now)
    {
        Name = name;
        Prefix = prefix;
        TokenHash = tokenHash;
        Scopes = scopes;
        EditionIds = editionIds;
        ExpiresAt = expiresAt;
        CreatedBy = createdBy;
        CreatedAt = now;
    }

    public int Id { get; private set; }

    public string Name { get; private set; } = "";

    public string Prefix { get; private set; } = "";

    public string TokenHash { get; private set; } = "";

    /// <summary>"registrations:read checkin:write …" (<see cref="ApiScopes.Format"/>).</summary>
    public string Scopes { get; private set; } = "";

    /// <summary>The editions the token reaches, as "3,5"; null for all, including editions made later.</summary>
    public string? EditionIds { get; private set; }

    public DateTimeOffset? ExpiresAt { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The account that made it.</summary>
    public string? CreatedBy { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public DateTimeOffset? LastUsedAt { get; private set; }

    public string? LastUsedFrom { get; private set; }

    public IReadOnlyList<int>? Editions => EditionIds is null
        ? null
        : EditionIds.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture)).ToList();

    public bool IsActive(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is null || ExpiresAt > now);

    /// <summary>Whether the token reaches this edition.</summary>
    public bool Reaches(int editionId) => Editions is not { } editions || editions.Contains(editionId);

    public bool Revoke(DateTimeOffset now)
    {
        if (RevokedAt is not null)
        {
            return false;
        }

        RevokedAt = now;
        return true;
    }
}
