using System.Net;
using Summit.Core.Accounts;
using Summit.Testing;

namespace Summit.Web.Tests.Admin;

/// <summary>
/// Walks every page of every protected area (/admin, /newsroom, /checkin, /my, /account/manage) from the shared
/// <see cref="PageWalk"/> (the app's own routes, so a page added later is walked the day it is added, with real route
/// values). Each page must answer 200 to every role the area is for, and refuse every other role and anonymous visitors.
/// </summary>
public abstract class AccessTests<TApp>(TApp app) where TApp : SummitApp
{
    protected SummitFactory App => app.Factory;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in_from_every_protected_page()
    {
        using var client = App.Browser();
        foreach (var page in await ProtectedPagesAsync())
        {
            using var response = await client.GetAsync(new Uri(page.Path, UriKind.Relative), Cancel);
            Assert.True(
                response.StatusCode == HttpStatusCode.Unauthorized
                || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/account/login", StringComparison.Ordinal)),
                $"{page.Path} answered {(int)response.StatusCode} {response.Headers.Location} to an anonymous visitor.");
        }
    }

    /// <summary>Every role, and an account with none.</summary>
    [Theory]
    [InlineData(Roles.Organizer)]
    [InlineData(Roles.Speaker)]
    [InlineData(Roles.Press)]
    [InlineData(Roles.Editor)]
    [InlineData(Roles.CheckIn)]
    [InlineData(Roles.Attendee)]
    [InlineData(PageWalk.NoRole)]
    public async Task Every_protected_page_opens_for_the_roles_it_is_for_and_refuses_the_others(string role)
    {
        var pages = await ProtectedPagesAsync();
        using var client = await PageWalk.ClientAsync(App, role);
        foreach (var page in pages)
        {
            using var response = await client.GetAsync(new Uri(page.Path, UriKind.Relative), Cancel);
            if (page.IsFor(role))
            {
                Assert.True(
                    response.StatusCode == HttpStatusCode.OK || (response.StatusCode == HttpStatusCode.NotFound && PageWalk.NotFoundWhenEmpty.Contains(page.Path)),
                    $"{page.Path} answered {(int)response.StatusCode} {response.Headers.Location} to a {role} account, which it is for.");
            }
            else
            {
                Assert.True(
                    response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized
                    || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/account/access-denied", StringComparison.Ordinal)),
                    $"{page.Path} answered {(int)response.StatusCode} {response.Headers.Location} to a {role} account, which it is not for.");
            }
        }
    }

    [Fact]
    public async Task The_walk_reaches_every_area_and_pages_with_route_values()
    {
        var paths = (await ProtectedPagesAsync()).Select(p => p.Path).ToList();
        foreach (var (prefix, _) in PageWalk.Areas)
        {
            Assert.Contains(paths, p => p.StartsWith(prefix, StringComparison.Ordinal));
        }

        Assert.Contains("/admin/jobs", paths);
        Assert.Contains(paths, p => p.StartsWith("/admin/registrations/2021/", StringComparison.Ordinal) && char.IsDigit(p[^1]));
        Assert.Contains(paths, p => p.StartsWith("/newsroom/", StringComparison.Ordinal) && p.EndsWith("/revisions", StringComparison.Ordinal));
    }

    private async Task<IReadOnlyList<WalkPage>> ProtectedPagesAsync() => [.. (await PageWalk.PagesAsync(App)).Where(p => p.Protected)];
}

public sealed class AccessTestsOnSqlite(SqliteDemoApp app) : AccessTests<SqliteDemoApp>(app), IClassFixture<SqliteDemoApp>;

public sealed class AccessTestsOnPostgres(PostgresDemoApp app) : AccessTests<PostgresDemoApp>(app), IClassFixture<PostgresDemoApp>;
