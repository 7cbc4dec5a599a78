using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Summit.Core.Audit;

namespace Summit.Web.Hosting;

/// <summary>Names the person behind the request for the audit trail: the account when signed in, else a visitor; with the address.</summary>
public sealed class AuditActorMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress?.ToString();
        if (Api.ApiTokenAuthenticationHandler.HasBearer(context)
            && await context.AuthenticateAsync(Api.ApiTokenAuthenticationHandler.SchemeName) is { Succeeded: true, Principal: { } caller })
        {
            // A system calling the API: the token is who writes (the endpoint's policy checks its scopes).
            context.User = caller;
            var token = int.Parse(caller.FindFirstValue(Api.ApiTokenAuthenticationHandler.TokenClaim)!, System.Globalization.CultureInfo.InvariantCulture);
            using (AuditActor.Use(AuditActor.Token(token, caller.Identity?.Name ?? "", address)))
            {
                await next(context);
            }

            return;
        }

        var user = context.User;
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var actor = id is null
            ? AuditActor.Visitor(address)
            : AuditActor.Person(id, user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name ?? id, address);
        using (AuditActor.Use(actor))
        {
            await next(context);
        }
    }
}
