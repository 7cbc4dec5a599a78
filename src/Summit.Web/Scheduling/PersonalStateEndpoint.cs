using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Summit.Core.Data;

namespace Summit.Web.Scheduling;

/// <summary>
/// <c>GET /my/state.json</c>: what a page shared by everyone signed in (decision 0020) needs of the person, fetched
/// once per view by personal.js: the sessions they starred, the menu entries their roles open (translated), and an
/// antiforgery token for the star and sign-out forms the script posts. Never cached anywhere. Not signed in: 401.
/// </summary>
public static class PersonalStateEndpoint
{
    public sealed record MenuLink(string Href, string Label);

    public sealed record State(string Token, IReadOnlyList<int> Starred, IReadOnlyList<MenuLink> Links);

    public static IEndpointRouteBuilder MapPersonalState(this IEndpointRouteBuilder app)
    {
        app.MapGet("/my/state.json", StateAsync).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> StateAsync(HttpContext http, SummitDbContext db, IAntiforgery antiforgery, IStringLocalizer<SharedResource> L, CancellationToken cancellationToken)
    {
        if (http.User.FindFirstValue(ClaimTypes.NameIdentifier) is not { } userId)
        {
            http.Response.Headers.CacheControl = "no-store";
            return Results.Unauthorized();
        }

        // The token makes antiforgery mark the answer no-cache, no-store itself (set here too, it would log a warning).

        var starred = await db.AgendaStars.AsNoTracking().Where(s => s.UserId == userId).OrderBy(s => s.SessionId).Select(s => s.SessionId).ToListAsync(cancellationToken);
        var links = PersonalLinks.For(http.User).Select(l => new MenuLink(l.Href, L[l.Label])).ToList();
        return Results.Json(new State(antiforgery.GetAndStoreTokens(http).RequestToken!, starred, links));
    }
}
