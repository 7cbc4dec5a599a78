using System.Globalization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Summit.Core.Accounts;
using Summit.Core.Mail;
using Summit.Core.Press;

namespace Summit.Testing;

/// <summary>A page of the walk: its address with real route values, and who it is for (null: anyone, or every signed-in account in a protected area).</summary>
public sealed record WalkPage(string Path, bool Protected, IReadOnlyList<string>? Roles);

/// <summary>
/// Every Razor page of the app, read from its own routes so a page added later is walked the day it is added, with
/// real route values on a demo app (the 2021 edition, a new registration and its key, a speaker, a session, the
/// published demo article, an email, a bulk email, a webhook), and the roles each protected area is for. The access
/// test, the no-500 test and the no-change-on-GET test all walk it, as every role and anonymously.
/// </summary>
public static class PageWalk
{
    /// <summary>Who each protected area is for; null means every signed-in account.</summary>
    public static readonly IReadOnlyList<(string Prefix, string[]? Roles)> Areas =
    [
        ("/admin", [Roles.Organizer]),
        ("/newsroom", [Roles.Organizer, Roles.Press, Roles.Editor]),
        ("/checkin", [Roles.Organizer, Roles.CheckIn]),
        ("/my", null),
        ("/account/manage", null),
    ];

    /// <summary>
    /// Pages a person may open that answer 404, with a page saying why, when there is nothing of theirs to show: the
    /// walk's new accounts have no confirmed registration, so no badge.
    /// </summary>
    public static readonly IReadOnlySet<string> NotFoundWhenEmpty = new HashSet<string>(StringComparer.Ordinal) { "/my/badge.pdf" };

    /// <summary>Every role, an account with none, and (as "anonymous") nobody signed in.</summary>
    public static readonly IReadOnlyList<string> Visitors = [Anonymous, Roles.Organizer, Roles.Speaker, Roles.Press, Roles.Editor, Roles.CheckIn, Roles.Attendee, NoRole];

    public const string Anonymous = "anonymous";

    public const string NoRole = "none";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>A client for one visitor of <see cref="Visitors"/>, signed in as a new account of that role (the demo's journalist for Press, whose article the walk opens).</summary>
    public static async Task<HttpClient> ClientAsync(SummitFactory app, string visitor)
    {
        ArgumentNullException.ThrowIfNull(app);
        var client = app.Browser();
        if (visitor == Anonymous)
        {
            return client;
        }

        if (visitor == Roles.Press)
        {
            await client.SignInAsync(Summit.Core.Demo.DemoContent.Accounts.Single(a => a.Role == Roles.Press).Email, new Summit.Core.Demo.DemoOptions().AccountPassword);
        }
        else
        {
            var user = await app.CreateUserAsync($"{visitor.Replace(' ', '-')}-{Guid.NewGuid():N}@summit.test", visitor == NoRole ? null : visitor);
            await client.SignInAsync(user.Email!);
        }

        return client;
    }

    /// <summary>Whether a protected page is for this visitor.</summary>
    public static bool IsFor(this WalkPage page, string visitor)
    {
        ArgumentNullException.ThrowIfNull(page);
        return !page.Protected || (visitor != Anonymous && (page.Roles is null || page.Roles.Contains(visitor)));
    }

    /// <summary>The pages, each once, with the Hangfire dashboard (not a Razor page, but under /admin).</summary>
    public static async Task<IReadOnlyList<WalkPage>> PagesAsync(SummitFactory app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var values = await RouteValuesAsync(app);
        var pages = new List<WalkPage>();
        var patterns = app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .Select(e => e.RoutePattern)
            .DistinctBy(p => p.RawText);
        foreach (var pattern in patterns)
        {
            var raw = "/" + pattern.RawText!.TrimStart('/');
            var area = Areas.FirstOrDefault(a => raw == a.Prefix || raw.StartsWith(a.Prefix + "/", StringComparison.Ordinal));
            pages.Add(new WalkPage(Fill(pattern, values), area.Prefix is not null, area.Roles));
        }

        pages.Add(new WalkPage("/admin/jobs", true, [Roles.Organizer]));
        pages.Add(new WalkPage("/admin/jobs/recurring", true, [Roles.Organizer]));
        return pages;
    }

    /// <summary>
    /// A route parameter's value, chosen by the nearest literal before it and its name (<c>/admin/speakers/edit/{id}</c>
    /// is a speaker's id, <c>/news/{slug}</c> an article's slug), or by its name alone (<c>{edition}</c>). A new kind of
    /// page fails here with a message saying what to add.
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
                        if (values.Keys.Any(k => k.StartsWith(literal.Content + ".", StringComparison.Ordinal)))
                        {
                            noun = literal.Content;
                        }

                        break;
                    case RoutePatternParameterPart parameter:
                        var found = values.TryGetValue($"{noun}.{parameter.Name}", out var value) || values.TryGetValue(parameter.Name, out value);
                        Assert.True(found, $"The page walk has no value for {{{parameter.Name}}} in {pattern.RawText}: add one to PageWalk.RouteValuesAsync.");
                        text += value;
                        break;
                }
            }

            segments.Add(text);
        }

        return "/" + string.Join('/', segments);
    }

    private static async Task<IReadOnlyDictionary<string, string>> RouteValuesAsync(SummitFactory app)
    {
        static string S(long id) => id.ToString(CultureInfo.InvariantCulture);
        var email = $"walk-{Guid.NewGuid():N}@summit.test";
        var (registration, editionId) = await app.BuildAsync(async d =>
        {
            var edition = await d.EditionIdAsync("2021");
            var category = await d.CategoryAsync(edition);
            return ((await d.RegistrationAsync(category, email)).RegistrationId!.Value, edition);
        });
        await app.ConsequencesSettledAsync(); // its email row, for the mail log's page
        return await app.WithDbAsync(async db =>
        {
            var speaker = await db.Speakers.OrderBy(s => s.Id).Select(s => new { s.Id, s.Slug }).FirstAsync(Cancel);
            var session = await db.Sessions.Where(s => s.EditionId == editionId && s.RoomId != null).OrderBy(s => s.Id).Select(s => s.Id).FirstAsync(Cancel);
            var article = await db.Articles.Where(a => a.Status == ArticleStatus.Published).OrderBy(a => a.Id).Select(a => new { a.Id, a.Slug }).FirstAsync(Cancel);
            var key = await db.Registrations.Where(r => r.Id == registration).Select(r => r.AccessKey).SingleAsync(Cancel);
            var mail = await db.OutgoingMails.Where(m => m.ToAddress == email).Select(m => m.Id).FirstAsync(Cancel);
            var bulk = new BulkMail(new MailSegment(editionId, null, null, null), "Page walk", "页面检查", "Hello.", "您好。", "page-walk", DateTimeOffset.UtcNow, Guid.NewGuid().ToString("N"));
            db.BulkMails.Add(bulk);
            var webhook = new Core.Webhooks.WebhookEndpoint(editionId, "https://hooks.example.com/summit", "Page walk", [Core.Webhooks.WebhookEventTypes.RegistrationCreated], null, DateTimeOffset.UtcNow);
            db.WebhookEndpoints.Add(webhook);
            await db.SaveChangesAsync(Cancel);
            return new Dictionary<string, string>
            {
                ["edition"] = "2021",
                ["kind"] = "registration.confirmed",
                ["culture"] = "en",
                ["code"] = "404",
                ["editions.id"] = S(editionId),
                ["registrations.id"] = S(registration),
                ["registration.key"] = key,
                ["speakers.id"] = S(speaker.Id),
                ["speakers.slug"] = speaker.Slug,
                ["sessions.id"] = S(session),
                ["sessionId"] = S(session),
                ["newsroom.id"] = S(article.Id),
                ["news.slug"] = article.Slug,
                ["mail.id"] = S(mail),
                ["bulk.id"] = S(bulk.Id),
                ["webhooks.id"] = S(webhook.Id),
                // A link of an invitation or a sign-off request that is not (or no longer) valid: the page explains it.
                ["speaker-invitation.token"] = "walk-" + Guid.NewGuid().ToString("N"),
                ["sign-off.token"] = "walk-" + Guid.NewGuid().ToString("N"),
            };
        });
    }
}
