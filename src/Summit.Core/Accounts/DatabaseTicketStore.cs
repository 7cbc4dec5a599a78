using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Summit.Core.Data;

namespace Summit.Core.Accounts;

/// <summary>
/// The auth cookie's session store (<see cref="CookieAuthenticationOptions.SessionStore"/>): the cookie carries only a
/// random key, the ticket is an <see cref="AccountSession"/> row. Signing out deletes the row, so a copy of the cookie
/// is refused at once, on every node of the database; so is a session past its idle or absolute limit
/// (<see cref="SessionLimits"/>). The ticket's principal carries the row's id as <see cref="SessionIdClaim"/>, so a page
/// knows which session is the current one.
/// </summary>
public sealed class DatabaseTicketStore(IServiceScopeFactory scopes, TimeProvider clock, IOptions<SessionLimits> options) : ITicketStore
{
    public const string SessionIdClaim = "summit:session";

    /// <summary>How the session signed in (<see cref="SignInMethod"/>), on the principal of every request.</summary>
    public const string MethodClaim = "summit:sign-in";

    /// <summary>An <see cref="HttpContext.Items"/> key: a sign-in page that knows how the person signed in (a passkey) says so here.</summary>
    public const string MethodItem = "Summit.SignInMethod";

    private static readonly TicketSerializer Serializer = TicketSerializer.Default;

    /// <summary>The lookup every request of a signed-in browser makes, compiled once per app (a compiled query belongs to one model).</summary>
    private readonly Func<SummitDbContext, string, CancellationToken, Task<SessionLookup?>> findSession = EF.CompileAsyncQuery(
        (SummitDbContext db, string id, CancellationToken _) => db.AccountSessions.AsNoTracking()
            .Where(s => s.Id == id)
            .Select(s => new SessionLookup(s.Ticket, s.LastSeenAt, s.ExpiresAt, s.Method))
            .SingleOrDefault());

    private sealed record SessionLookup(byte[] Ticket, DateTimeOffset LastSeenAt, DateTimeOffset ExpiresAt, SignInMethod Method);

    private SessionLimits Limits => options.Value;

    /// <summary>The row id for a cookie's key: its SHA-256, in hex.</summary>
    public static string IdFor(string key) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)));

    public Task<string> StoreAsync(AuthenticationTicket ticket) => StoreAsync(ticket, null!, CancellationToken.None);

    public Task<string> StoreAsync(AuthenticationTicket ticket, CancellationToken cancellationToken) => StoreAsync(ticket, null!, cancellationToken);

    public async Task<string> StoreAsync(AuthenticationTicket ticket, HttpContext httpContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var userId = ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier)
            ?? throw new InvalidOperationException("A session needs an account: the ticket has no user id claim.");
        var key = Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var id = IdFor(key);
        Mark(ticket, id);
        var now = clock.GetUtcNow();
        var session = new AccountSession(
            id,
            userId,
            httpContext?.Items[MethodItem] is SignInMethod method ? method : MethodOf(ticket.Principal),
            httpContext?.Connection.RemoteIpAddress?.ToString(),
            httpContext?.Request.Headers.UserAgent.ToString() ?? "",
            Serializer.Serialize(ticket),
            now,
            now + Limits.Absolute);
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SummitDbContext>();
        db.AccountSessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        return key;
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket) => RenewAsync(key, ticket, null!, CancellationToken.None);

    public Task RenewAsync(string key, AuthenticationTicket ticket, CancellationToken cancellationToken) => RenewAsync(key, ticket, null!, cancellationToken);

    public async Task RenewAsync(string key, AuthenticationTicket ticket, HttpContext httpContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var id = IdFor(key);
        // A principal rebuilt by the security-stamp check lacks the session claim; it is the same session.
        Mark(ticket, id);
        var bytes = Serializer.Serialize(ticket);
        var now = clock.GetUtcNow();
        var userId = ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier);
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SummitDbContext>();
        // The cookie handler renews rather than stores when a browser that already has a session signs in. Someone
        // else's session: the key may be known to them (a shared computer, a planted cookie), so it is not handed to
        // this person; the row goes, and the next request asks them to sign in afresh, which stores a new key.
        await db.AccountSessions.Where(s => s.Id == id && s.UserId != userId).ExecuteDeleteAsync(cancellationToken);
        // The same person: the session goes on, saying how they signed in last (a second factor now, say). A session
        // ended meanwhile (signed out elsewhere) stays ended: nothing matches, and the next request is refused.
        var method = httpContext?.Items[MethodItem] as SignInMethod?;
        await db.AccountSessions.Where(s => s.Id == id && s.UserId == userId).ExecuteUpdateAsync(
            u =>
            {
                u.SetProperty(s => s.Ticket, bytes).SetProperty(s => s.LastSeenAt, now);
                if (method is { } signedIn)
                {
                    u.SetProperty(s => s.Method, signedIn);
                }
            },
            cancellationToken);
    }

    public Task<AuthenticationTicket?> RetrieveAsync(string key) => RetrieveAsync(key, null!, CancellationToken.None);

    public Task<AuthenticationTicket?> RetrieveAsync(string key, CancellationToken cancellationToken) => RetrieveAsync(key, null!, cancellationToken);

    public async Task<AuthenticationTicket?> RetrieveAsync(string key, HttpContext httpContext, CancellationToken cancellationToken)
    {
        var id = IdFor(key);
        var now = clock.GetUtcNow();
        // The request's own context when there is a request (it only reads here, and writes with single statements
        // that bypass its tracking), so a signed-in page does not pay for a second one.
        using var scope = httpContext is null ? scopes.CreateScope() : null;
        var db = (scope?.ServiceProvider ?? httpContext!.RequestServices).GetRequiredService<SummitDbContext>();
        var session = await findSession(db, id, cancellationToken);
        if (session is null)
        {
            return null;
        }

        if (now >= session.ExpiresAt || now >= session.LastSeenAt + Limits.Idle)
        {
            await db.AccountSessions.Where(s => s.Id == id).ExecuteDeleteAsync(cancellationToken);
            return null;
        }

        if (now - session.LastSeenAt >= SessionLimits.LastSeenResolution)
        {
            await db.AccountSessions.Where(s => s.Id == id).ExecuteUpdateAsync(u => u.SetProperty(s => s.LastSeenAt, now), cancellationToken);
        }

        var ticket = Serializer.Deserialize(session.Ticket);
        if (ticket is not null)
        {
            Mark(ticket, id);
            if (ticket.Principal.FindFirst(MethodClaim) is null && ticket.Principal.Identities.FirstOrDefault() is { } identity)
            {
                identity.AddClaim(new Claim(MethodClaim, session.Method.ToString()));
            }
        }

        return ticket;
    }

    public Task RemoveAsync(string key) => RemoveAsync(key, null!, CancellationToken.None);

    public Task RemoveAsync(string key, CancellationToken cancellationToken) => RemoveAsync(key, null!, cancellationToken);

    public async Task RemoveAsync(string key, HttpContext httpContext, CancellationToken cancellationToken)
    {
        var id = IdFor(key);
        using var scope = scopes.CreateScope();
        await scope.ServiceProvider.GetRequiredService<SummitDbContext>().AccountSessions.Where(s => s.Id == id).ExecuteDeleteAsync(cancellationToken);
    }

    private static void Mark(AuthenticationTicket ticket, string id)
    {
        if (ticket.Principal.FindFirst(SessionIdClaim) is not null)
        {
            return;
        }

        if (ticket.Principal.Identities.FirstOrDefault() is { } identity)
        {
            identity.AddClaim(new Claim(SessionIdClaim, id));
        }
    }

    /// <summary>Identity's <c>amr</c> claim: <c>pwd</c> for a password alone, <c>mfa</c> after a second factor; a passkey counts as two.</summary>
    private static SignInMethod MethodOf(ClaimsPrincipal principal)
    {
        var methods = principal.FindAll("amr").Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        return methods.Contains("pkey") || methods.Contains("passkey") ? SignInMethod.Passkey
            : methods.Contains("mfa") ? SignInMethod.TwoFactor
            : methods.Contains("pwd") ? SignInMethod.Password
            : SignInMethod.Other;
    }
}
