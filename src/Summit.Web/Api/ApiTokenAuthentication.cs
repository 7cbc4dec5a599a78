using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Summit.Core.Api;

namespace Summit.Web.Api;

/// <summary>
/// <c>Authorization: Bearer summit_…</c> for the organizer API. An unknown, revoked or expired token is refused
/// (401); a token without the area's scope is refused (403); both as problem details.
/// </summary>
public sealed class ApiTokenAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiTokens tokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";
    public const string TokenClaim = "summit:token";
    public const string ScopesClaim = "summit:scopes";
    public const string EditionsClaim = "summit:editions";

    /// <summary>Whether the request carries a bearer token at all (the audit middleware asks, before any endpoint does).</summary>
    public static bool HasBearer(HttpContext context) =>
        context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!HasBearer(Context))
        {
            return AuthenticateResult.NoResult();
        }

        var token = await tokens.FindAsync(Request.Headers.Authorization.ToString()["Bearer ".Length..].Trim(), Context.RequestAborted);
        if (token is null)
        {
            return AuthenticateResult.Fail("The token is unknown, revoked or expired.");
        }

        await tokens.RecordUseAsync(token, Context.Connection.RemoteIpAddress?.ToString(), Context.RequestAborted);
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, $"token:{token.Id}"),
                new Claim(ClaimTypes.Name, token.Name),
                new Claim(TokenClaim, token.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new Claim(ScopesClaim, token.Scopes),
                new Claim(EditionsClaim, token.EditionIds ?? "*"),
            ],
            SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        return WriteProblemAsync(StatusCodes.Status401Unauthorized, "A token is needed",
            HasBearer(Context) ? "The token is unknown, revoked or expired." : "Send an API token as Authorization: Bearer <token>; organizers make them at /admin/api-tokens.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        WriteProblemAsync(StatusCodes.Status403Forbidden, "Not within this token's scopes", "The token may not do this: its scopes or its editions do not include it.");

    private async Task WriteProblemAsync(int status, string title, string detail)
    {
        Response.StatusCode = status;
        var problems = Context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = Context, ProblemDetails = { Status = status, Title = title, Detail = detail } });
    }
}

/// <summary>The policies of the organizer API: one per area and level ("api:registrations:read"), and any valid token.</summary>
public static class ApiPolicies
{
    public const string AnyToken = "api:token";

    public static string For(string area, ApiAccess access) => $"api:{area}:{(access == ApiAccess.ReadWrite ? "write" : "read")}";

    public static AuthorizationBuilder AddApiPolicies(this AuthorizationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddPolicy(AnyToken, p => p.AddAuthenticationSchemes(ApiTokenAuthenticationHandler.SchemeName).RequireAuthenticatedUser()
            .RequireClaim(ApiTokenAuthenticationHandler.TokenClaim));
        foreach (var area in ApiScopes.Areas)
        {
            foreach (var access in new[] { ApiAccess.Read, ApiAccess.ReadWrite })
            {
                builder.AddPolicy(For(area, access), p => p.AddAuthenticationSchemes(ApiTokenAuthenticationHandler.SchemeName).RequireAuthenticatedUser()
                    .RequireAssertion(context => ApiScopes.Allows(context.User.FindFirstValue(ApiTokenAuthenticationHandler.ScopesClaim), area, access)));
            }
        }

        return builder;
    }
}
