using System.Security.Claims;
using Summit.Core.Audit;

namespace Summit.Web.Hosting;

/// <summary>Names the person behind the request for the audit trail: the account when signed in, else a visitor; with the address.</summary>
public sealed class AuditActorMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress?.ToString();
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
