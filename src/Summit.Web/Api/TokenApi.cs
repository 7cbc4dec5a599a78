using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Summit.Core.Api;
using Summit.Core.Data;
using Summit.Web.Hosting;

namespace Summit.Web.Api;

/// <summary>What the calling token is: its name, scopes, editions and expiry, so an integration can check its set-up.</summary>
public static class TokenApi
{
    public sealed record TokenDto(int Id, string Name, string Prefix, IReadOnlyDictionary<string, string> Scopes, IReadOnlyList<int>? Editions, DateTimeOffset? ExpiresAt);

    public static void MapTokenApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/api/v1/token", GetAsync)
            .WithTags("Tokens")
            .WithName("GetToken")
            .WithSummary("The calling token: its name, scopes per area (read or write), editions (null for all) and expiry.")
            .RequireAuthorization(ApiPolicies.AnyToken)
            .RequireRateLimiting(SummitWebServices.ApiRateLimit)
            .Produces<TokenDto>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
    }

    private static async Task<Results<Ok<TokenDto>, NotFound>> GetAsync(ClaimsPrincipal user, SummitDbContext db, CancellationToken cancellationToken)
    {
        var id = int.Parse(user.FindFirstValue(ApiTokenAuthenticationHandler.TokenClaim)!, System.Globalization.CultureInfo.InvariantCulture);
        var token = await db.ApiTokens.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (token is null)
        {
            return TypedResults.NotFound();
        }

        var scopes = ApiScopes.Parse(token.Scopes).Where(s => s.Value != ApiAccess.None)
            .ToDictionary(s => s.Key, s => s.Value == ApiAccess.ReadWrite ? "write" : "read", StringComparer.Ordinal);
        return TypedResults.Ok(new TokenDto(token.Id, token.Name, token.Prefix, scopes, token.Editions, token.ExpiresAt));
    }
}
