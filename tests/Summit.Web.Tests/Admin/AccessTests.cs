using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Summit.Core.Accounts;
using Summit.Core.Mail;
using Summit.Core.Press;
using Summit.Testing;

namespace Summit.Web.Tests.Admin;

/// <summary>
/// Walks every page of every protected area (/admin, /newsroom, /checkin, /my, /account/manage), read from the app's
/// own routes so a page added later is walked the day it is added, with real route values (the demo edition, a
/// registration, a speaker, a session, the published demo article, an email, a bulk email). Each page must answer 200
/// to every role the area is for, and refuse every other role and anonymous visitors.
/// </summary>
public abstract class AccessTests<TApp>(TApp app) where TApp : SummitApp
{
    /// <summary>Who each area is for; null means every signed-in account.</summary>
    private static readonly (string Prefix, string[]? Roles)[] Areas =
    [
        ("/admin", [Roles.Organizer]),
        ("/newsroom", [Roles.Organizer, Roles.Press, Roles.Editor]),
        ("/checkin", [Roles.Organizer, Roles.CheckIn]),
        ("/my", null),
        ("/account/manage", null),
    ];

    protected SummitFactory App => app.Factory;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in_from_every_protected_page()
    {
        using var client = App.Browser();
        foreach (var (path, _) in await ProtectedPagesAsync())
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Cancel);
            Assert.True(
                response.StatusCode == HttpStatusCode.Unauthorized
                || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/account/login", StringComparison.Ordinal)),
                $"{path} answered {(int)response.StatusCode} {response.Headers.Location} to an anonymous visitor.");
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
    [InlineData("none")]
    public async Task Every_protected_page_opens_for_the_roles_it_is_for_and_refuses_the_others(string role)
    {
        var pages = await ProtectedPagesAsync();
        using var client = App.Browser();
        if (role == Roles.Press)
        {
            // A journalist sees the articles they write: the walk's article is the demo report, by the demo Press account.
            await client.SignInAsync(Summit.Core.Demo.DemoContent.Accounts.Single(a => a.Role == Roles.Press).Email, new Summit.Core.Demo.DemoOptions().AccountPassword);
        }
        else
        {
            var user = await App.CreateUserAsync($"{role.Replace(' ', '-')}-{Guid.NewGuid():N}@summit.test", role == "none" ? null : role);
            await client.SignInAsync(user.Email!);
        }

        foreach (var (path, roles) in pages)
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Cancel);
            if (roles is null || roles.Contains(role))
            {
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} answered {(int)response.StatusCode} {response.Headers.Location} to a {role} account, which it is for.");
            }
            else
            {
                Assert.True(
                    response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized
                    || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/account/access-denied", StringComparison.Ordinal)),
                    $"{path} answered {(int)response.StatusCode} {response.Headers.Location} to a {role} account, which it is not for.");
            }
        }
    }

    [Fact]
    public async Task The_walk_reaches_every_area_and_pages_with_route_values()
    {
        var paths = (await ProtectedPagesAsync()).Select(p => p.Path).ToList();
        foreach (var (prefix, _) in Areas)
        {
            Assert.Contains(paths, p => p.StartsWith(prefix, StringComparison.Ordinal));
        }

        Assert.Contains("/admin/jobs", paths);
        Assert.Contains(paths, p => p.StartsWith("/admin/registrations/2021/", StringComparison.Ordinal) && char.IsDigit(p[^1]));
        Assert.Contains(paths, p => p.StartsWith("/newsroom/", StringComparison.Ordinal) && p.EndsWith("/revisions", StringComparison.Ordinal));
    }

    /// <summary>The GET pages of the protected areas, with real values for their route parameters, and who each is for.</summary>
    private async Task<IReadOnlyList<(string Path, string[]? Roles)>> ProtectedPagesAsync()
    {
        var values = await RouteValuesAsync();
        var pages = new List<(string, string[]?)>();
        var patterns = App.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>() is not null)
            .Select(e => e.RoutePattern)
            .DistinctBy(p => p.RawText);
        foreach (var pattern in patterns)
        {
            var raw = "/" + pattern.RawText!.TrimStart('/');
            if (Areas.FirstOrDefault(a => raw == a.Prefix || raw.StartsWith(a.Prefix + "/", StringComparison.Ordinal)) is { Prefix: not null } area)
            {
                pages.Add((Fill(pattern, values), area.Roles));
            }
        }

        // The Hangfire dashboard is not a Razor page but lives under /admin.
        pages.Add(("/admin/jobs", [Roles.Organizer]));
        pages.Add(("/admin/jobs/recurring", [Roles.Organizer]));
        return pages;
    }

    /// <summary>
    /// A route parameter's value, chosen by its name or, for <c>{id}</c>, by the nearest literal before it
    /// (<c>/admin/speakers/edit/{id}</c> is a speaker). A new kind of page fails here with a message saying what to add.
    /// </summary>
    private static string Fill(RoutePattern pattern, IReadOnlyDictionary<string, string> values)
    {
        var segments = new List<string>();
        string? noun = null;
        foreach (var segment in pattern.PathSegments)
        {
            var text = "";
            foreach (var part in segment.Parts)
            {
                switch (part)
                {
                    case RoutePatternLiteralPart literal:
                        text += literal.Content;
                        if (values.ContainsKey(literal.Content + ".id"))
                        {
                            noun = literal.Content;
                        }

                        break;
                    case RoutePatternParameterPart parameter:
                        var key = parameter.Name == "id" ? $"{noun}.id" : parameter.Name;
                        Assert.True(values.TryGetValue(key, out var value), $"The access walk has no value for {{{parameter.Name}}} in {pattern.RawText}: add one to RouteValuesAsync.");
                        text += value;
                        break;
                }
            }

            segments.Add(text);
        }

        return "/" + string.Join('/', segments);
    }

    private async Task<IReadOnlyDictionary<string, string>> RouteValuesAsync()
    {
        static string S(long id) => id.ToString(CultureInfo.InvariantCulture);
        var email = $"walk-{Guid.NewGuid():N}@summit.test";
        var (registration, editionId) = await App.BuildAsync(async d =>
        {
            var edition = await d.EditionIdAsync("2021");
            var category = await d.CategoryAsync(edition);
            return ((await d.RegistrationAsync(category, email)).RegistrationId!.Value, edition);
        });
        await App.ConsequencesSettledAsync(); // its email row, for the mail log's page
        return await App.WithDbAsync(async db =>
        {
            var speaker = await db.Speakers.OrderBy(s => s.Id).Select(s => s.Id).FirstAsync(Cancel);
            var session = await db.Sessions.Where(s => s.EditionId == editionId && s.RoomId != null).OrderBy(s => s.Id).Select(s => s.Id).FirstAsync(Cancel);
            var article = await db.Articles.Where(a => a.Status == ArticleStatus.Published).OrderBy(a => a.Id).Select(a => a.Id).FirstAsync(Cancel);
            var mail = await db.OutgoingMails.Where(m => m.ToAddress == email).Select(m => m.Id).FirstAsync(Cancel);
            var bulk = new BulkMail(new MailSegment(editionId, null, null, null), "Access walk", "访问检查", "Hello.", "您好。", "access-test", DateTimeOffset.UtcNow, Guid.NewGuid().ToString("N"));
            db.BulkMails.Add(bulk);
            var webhook = new Core.Webhooks.WebhookEndpoint(editionId, "https://hooks.example.com/summit", "Access walk", [Core.Webhooks.WebhookEventTypes.RegistrationCreated], null, DateTimeOffset.UtcNow);
            db.WebhookEndpoints.Add(webhook);
            await db.SaveChangesAsync(Cancel);
            return new Dictionary<string, string>
            {
                ["edition"] = "2021",
                ["kind"] = "registration.confirmed",
                ["culture"] = "en",
                ["editions.id"] = S(editionId),
                ["registrations.id"] = S(registration),
                ["speakers.id"] = S(speaker),
                ["sessions.id"] = S(session),
                ["newsroom.id"] = S(article),
                ["mail.id"] = S(mail),
                ["bulk.id"] = S(bulk.Id),
                ["webhooks.id"] = S(webhook.Id),
            };
        });
    }
}

public sealed class AccessTestsOnSqlite(SqliteDemoApp app) : AccessTests<SqliteDemoApp>(app), IClassFixture<SqliteDemoApp>;

public sealed class AccessTestsOnPostgres(PostgresDemoApp app) : AccessTests<PostgresDemoApp>(app), IClassFixture<PostgresDemoApp>;
