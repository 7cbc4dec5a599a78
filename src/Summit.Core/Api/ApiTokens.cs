using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Summit.Core.Data;
using Summit.Core.Editions;
using Summit.Core.Text;

namespace Summit.Core.Api;

/// <summary>What an organizer asks for: a name, access per area, the editions (null for all), an optional expiry.</summary>
public sealed record ApiTokenRequest(string? Name, IReadOnlyDictionary<string, ApiAccess> Access, IReadOnlyList<int>? Editions, DateTimeOffset? ExpiresAt);

/// <summary>A token made: its row and the secret, which is shown this once and kept nowhere.</summary>
public sealed record IssuedApiToken(int? TokenId, string? Secret, IReadOnlyList<Refusal> Refusals)
{
    public bool Issued => TokenId is not null;
}

/// <summary>Makes, finds and revokes the organizer API's bearer tokens.</summary>
public sealed class ApiTokens(SummitDbContext db, TimeProvider clock)
{
    /// <summary>How stale "last used" may be: a busy integration must not write on every request.</summary>
    public static readonly TimeSpan UseRecordedEvery = TimeSpan.FromMinutes(1);

    public static class Reasons
    {
        public const string NameRequired = "Give the token a name that says who uses it, up to 100 characters.";
        public const string NoScope = "Choose at least one area the token may read or change.";
        public const string UnknownEdition = "One of the chosen editions does not exist.";
        public const string ExpiryPast = "The expiry date must be in the future.";
    }

    public async Task<IssuedApiToken> IssueAsync(ApiTokenRequest request, string? createdBy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var refusals = new List<Refusal>();
        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > ApiToken.NameLength || Texts.HasControlCharacters(name))
        {
            refusals.Add(new(nameof(ApiTokenRequest.Name), Reasons.NameRequired));
        }

        var scopes = ApiScopes.Format(request.Access);
        if (scopes.Length == 0)
        {
            refusals.Add(new(nameof(ApiTokenRequest.Access), Reasons.NoScope));
        }

        var now = clock.GetUtcNow();
        if (request.ExpiresAt is { } expires && expires <= now)
        {
            refusals.Add(new(nameof(ApiTokenRequest.ExpiresAt), Reasons.ExpiryPast));
        }

        string? editions = null;
        if (request.Editions is { } chosen)
        {
            var distinct = chosen.Distinct().Order().ToList();
            var known = await db.Editions.CountAsync(e => distinct.Contains(e.Id), cancellationToken);
            if (distinct.Count == 0 || known != distinct.Count)
            {
                refusals.Add(new(nameof(ApiTokenRequest.Editions), Reasons.UnknownEdition));
            }

            editions = string.Join(',', distinct.Select(id => id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (refusals.Count > 0)
        {
            return new(null, null, refusals);
        }

        var secret = ApiToken.SecretPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var token = new ApiToken(name!, secret[..ApiToken.PrefixLength], Hash(secret), scopes, editions, request.ExpiresAt, createdBy, now);
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(cancellationToken);
        return new(token.Id, secret, []);
    }

    /// <summary>The active token with this secret, or null (unknown, revoked, expired, or not a token at all).</summary>
    public async Task<ApiToken?> FindAsync(string? secret, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(secret) || !secret.StartsWith(ApiToken.SecretPrefix, StringComparison.Ordinal) || secret.Length > 200)
        {
            return null;
        }

        var hash = Hash(secret);
        var token = await db.ApiTokens.AsNoTracking().FirstOrDefaultAsync(t => t.TokenHash == hash, cancellationToken);
        return token is not null && token.IsActive(clock.GetUtcNow()) ? token : null;
    }

    /// <summary>Notes when and from where the token was last used, at most once a minute.</summary>
    public async Task RecordUseAsync(ApiToken token, string? address, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(token);
        var now = clock.GetUtcNow();
        if (token.LastUsedAt is { } last && now - last < UseRecordedEvery && token.LastUsedFrom == address)
        {
            return;
        }

        var id = token.Id;
        var from = address is { Length: > 45 } ? address[..45] : address;
        await db.ApiTokens.Where(t => t.Id == id).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now).SetProperty(t => t.LastUsedFrom, from), cancellationToken);
    }

    /// <summary>Revokes at once: the next request with it is refused. False when it was revoked already or does not exist.</summary>
    public async Task<bool> RevokeAsync(int id, CancellationToken cancellationToken = default)
    {
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (token is null || !token.Revoke(clock.GetUtcNow()))
        {
            return false;
        }

        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    internal static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
