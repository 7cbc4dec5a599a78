using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Summit.Core.Accounts;
using Summit.Core.Press;
using Summit.Core.Registrations;
using Summit.Core.Scheduling;
using Summit.Core.Webhooks;
using Summit.Testing;

namespace Summit.Web.Tests.Webhooks;

/// <summary>
/// Webhooks as a receiver meets them: an endpoint made on /admin/webhooks gets every event type of its edition, each
/// signed with its secret; a receiver that is down gets every event once it is back (retries), in commit order per
/// registration, duplicates only with the same event id.
/// </summary>
public abstract class WebhookTests<TApp>(TApp app) where TApp : SummitApp
{
    protected SummitFactory App => app.Factory;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    private static async Task<(int EndpointId, string Secret)> AddEndpointAsync(HttpClient organizer, int editionId, Uri url, IReadOnlyList<string> types)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.EditionId"] = editionId.ToString(CultureInfo.InvariantCulture),
            ["Input.Url"] = url.AbsoluteUri,
            ["Input.Description"] = "Test receiver",
        };
        for (var i = 0; i < types.Count; i++)
        {
            fields[$"Input.EventTypes[{i}]"] = types[i];
        }

        using var made = await organizer.PostAsync("/admin/webhooks", fields, "/admin/webhooks?handler=create");
        Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        var id = int.Parse(made.Headers.Location!.OriginalString.Split('/')[^1], CultureInfo.InvariantCulture);
        var page = WebUtility.HtmlDecode(await organizer.GetStringAsync(new Uri($"/admin/webhooks/{id}", UriKind.Relative), Cancel));
        var secret = System.Text.RegularExpressions.Regex.Match(page, "id=\"webhook-secret\"[^>]*value=\"(whsec_[^\"]+)\"").Groups[1].Value;
        Assert.StartsWith(WebhookEndpoint.SecretPrefix, secret, StringComparison.Ordinal);
        return (id, secret);
    }

    private async Task<HttpClient> OrganizerAsync()
    {
        var organizer = await App.CreateUserAsync($"hooks-{Guid.NewGuid():N}@summit.test", Roles.Organizer);
        var browser = App.Browser();
        await browser.SignInAsync(organizer.Email!);
        return browser;
    }

    [Fact]
    public async Task An_endpoint_gets_every_event_type_of_its_edition_once_each_signed_with_its_secret()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var organizer = await OrganizerAsync();
        var (editionId, slug, open, small, room, type) = await App.BuildAsync(async d =>
        {
            var edition = await d.EditionAsync();
            return (edition.Id, edition.Slug, await d.CategoryAsync(edition.Id), await d.CategoryAsync(edition.Id, capacity: 1), await d.RoomAsync(edition.Id), await d.SessionTypeAsync(edition.Id));
        });
        var (endpointId, secret) = await AddEndpointAsync(organizer, editionId, receiver.Url, WebhookEventTypes.All);
        // Another edition's events never reach it.
        var other = await App.BuildAsync(async d => await d.CategoryAsync((await d.EditionAsync()).Id));
        await App.BuildAsync(d => d.RegistrationAsync(other, $"other-{Guid.NewGuid():N}@summit.test"));

        // registration.created + confirmed, then created + waitlisted (the small category is full), then cancelled and changed.
        var first = (await App.BuildAsync(d => d.RegistrationAsync(small, $"first-{Guid.NewGuid():N}@summit.test"))).RegistrationId!.Value;
        var second = (await App.BuildAsync(d => d.RegistrationAsync(small, $"second-{Guid.NewGuid():N}@summit.test"))).RegistrationId!.Value;
        Assert.Equal(RegistrationStatus.Waitlisted, await App.WithDbAsync(db => db.Registrations.Where(r => r.Id == second).Select(r => r.Status).FirstAsync(Cancel)));
        var third = (await App.BuildAsync(d => d.RegistrationAsync(open, $"third-{Guid.NewGuid():N}@summit.test"))).RegistrationId!.Value;
        Assert.Empty(await App.ScopedAsync(s => s.GetRequiredService<ChangeRegistration>().CancelAsync(first, cancellationToken: Cancel)));
        Assert.Empty(await App.ScopedAsync(s => s.GetRequiredService<ChangeRegistration>().EditDetailsAsync(third, TestData.Person($"third-{Guid.NewGuid():N}@summit.test", given: "Mei"), Cancel)));

        // checkin.created: at the desk with the badge's code, once the badge exists.
        await App.ConsequencesSettledAsync();
        var code = await App.WithDbAsync(db => db.Registrations.Where(r => r.Id == third).Select(r => r.BadgeCode).FirstAsync(Cancel));
        Assert.Equal(CheckInResult.Welcome, (await App.ScopedAsync(s => s.GetRequiredService<CheckInAttendee>().RunAsync(code, editionId, "Gate A", null, Cancel))).Result);

        // speaker.changed, schedule.published, session.changed.
        var speaker = await App.BuildAsync(d => d.SpeakerAsync($"hook-{Guid.NewGuid():N}"[..20], [editionId]));
        await App.ScopedAsync(async s =>
        {
            var session = (await s.GetRequiredService<SaveSession>().RunAsync(editionId, null, new SessionDetails(
                "Webhook talk", "网络钩子演讲", null, null, type, null, SessionLanguage.English, false, null, [new(speaker, SessionSpeakerRole.Speaker)]), Cancel)).SessionId!.Value;
            var edition = await s.GetRequiredService<Core.Data.SummitDbContext>().Editions.FirstAsync(e => e.Id == editionId, Cancel);
            var start = ScheduleTime.ToUtc(edition.StartDate, new TimeOnly(10, 0), TimeZoneInfo.FindSystemTimeZoneById(edition.TimeZoneId));
            Assert.True((await s.GetRequiredService<ScheduleSession>().PlaceAsync(editionId, session, room, start, start.AddHours(1), Cancel)).Succeeded);
            Assert.True((await s.GetRequiredService<PublishSchedule>().RunAsync(editionId, null, null, cancellationToken: Cancel)).Succeeded);
            return session;
        });

        // article.published: written, scheduled by an editor, published by the job.
        var writer = await App.CreateUserAsync($"writer-{Guid.NewGuid():N}@summit.test", Roles.Press);
        using var press = App.Browser();
        await press.SignInAsync(writer.Email!);
        using (var saved = await press.PostAsync("/newsroom/edit", new Dictionary<string, string>
        {
            ["Input.EditionId"] = editionId.ToString(CultureInfo.InvariantCulture),
            ["Input.Kind"] = nameof(ArticleKind.Report),
            ["Input.Slug"] = $"hook-{Guid.NewGuid():N}"[..20],
            ["Input.HeadlineEn"] = "Webhooks at the summit",
            ["Input.LeadEn"] = "The lead.",
            ["Input.BodyEn"] = "The body.",
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            var article = int.Parse(System.Text.RegularExpressions.Regex.Match(saved.Headers.Location!.OriginalString, "[0-9]+").Value, CultureInfo.InvariantCulture);
            var editor = new ArticleActor((await App.CreateUserAsync($"editor-{Guid.NewGuid():N}@summit.test", Roles.Editor)).Id, "editor@summit.test", "Editor", IsEditor: true);
            Assert.True((await App.ScopedAsync(s => s.GetRequiredService<ScheduleArticle>().RunAsync(editor, article, new PublishTime(DateTimeOffset.UtcNow.AddMinutes(-1)), overrideSignOff: true, cancellationToken: Cancel))).Succeeded);
            Assert.Contains(article, await App.ScopedAsync(s => s.GetRequiredService<PublishDueArticles>().RunAsync(Cancel)));
        }

        await receiver.WaitAsync(r => WebhookEventTypes.All.All(t => r.Accepted.Any(a => a.EventType == t)), Patience,
            () => "Missing: " + string.Join(", ", WebhookEventTypes.All.Where(t => !receiver.Accepted.Any(a => a.EventType == t))));
        await App.ConsequencesSettledAsync();

        var received = receiver.Accepted.ToList();
        foreach (var request in received)
        {
            Assert.True(WebhookSignature.Verify(request.Signature, secret, request.Body, DateTimeOffset.UtcNow), $"Bad signature on {request.EventType}: {request.Signature}");
            Assert.False(WebhookSignature.Verify(request.Signature, secret + "x", request.Body, DateTimeOffset.UtcNow));
            using var json = JsonDocument.Parse(request.Body);
            Assert.Equal(request.EventId, json.RootElement.GetProperty("id").GetString());
            Assert.Equal(request.EventType, json.RootElement.GetProperty("type").GetString());
            Assert.Equal(slug, json.RootElement.GetProperty("edition").GetProperty("slug").GetString());
        }

        // Once each: every event the database holds for the endpoint arrived exactly once, and nothing else did.
        var rows = await App.WithDbAsync(db => db.WebhookDeliveries.AsNoTracking().Where(d => d.EndpointId == endpointId).ToListAsync(Cancel));
        Assert.All(rows, r => Assert.Equal(WebhookDeliveryStatus.Delivered, r.Status));
        Assert.Equal(rows.Select(r => r.EventId).Order(), received.Select(r => r.EventId!).Order());
        Assert.Equal(3, received.Count(r => r.EventType == WebhookEventTypes.RegistrationCreated));
        var checkin = JsonDocument.Parse(received.Single(r => r.EventType == WebhookEventTypes.CheckInCreated).Body).RootElement.GetProperty("data");
        Assert.Equal("Gate A", checkin.GetProperty("desk").GetString());
        Assert.Equal(third, checkin.GetProperty("registration").GetProperty("id").GetInt32());
        var changed = JsonDocument.Parse(received.First(r => r.EventType == WebhookEventTypes.RegistrationChanged).Body).RootElement.GetProperty("data");
        Assert.Equal("Mei", changed.GetProperty("registration").GetProperty("givenNameLatin").GetString());

        // In the log, with the answer's code.
        var log = WebUtility.HtmlDecode(await organizer.GetStringAsync(new Uri($"/admin/webhooks/{endpointId}", UriKind.Relative), Cancel));
        Assert.Contains(WebhookEventTypes.CheckInCreated, log, StringComparison.Ordinal);
        Assert.Contains("Delivered", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_receiver_down_for_a_while_gets_every_event_once_back_in_order_per_registration()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Down = true;
        using var organizer = await OrganizerAsync();
        var (editionId, category) = await App.BuildAsync(async d =>
        {
            var edition = await d.EditionAsync();
            return (edition.Id, await d.CategoryAsync(edition.Id));
        });
        var (endpointId, _) = await AddEndpointAsync(organizer, editionId, receiver.Url, [WebhookEventTypes.RegistrationCreated, WebhookEventTypes.RegistrationConfirmed]);
        var registrations = new List<int>();
        for (var i = 0; i < 6; i++)
        {
            registrations.Add((await App.BuildAsync(d => d.RegistrationAsync(category, $"down-{i}-{Guid.NewGuid():N}@summit.test"))).RegistrationId!.Value);
        }

        // Refused while down: the first event of each registration is tried (and retried), the second waits behind it.
        await receiver.WaitAsync(r => r.Requests.Count(q => !q.Accepted) >= registrations.Count, Patience, () => $"Only {receiver.Requests.Count} attempts while down.");
        // The refusals are recorded after they came in (one transaction per batch): wait for the endpoint to say so.
        var until = DateTime.UtcNow + Patience;
        DateTimeOffset? failing;
        while ((failing = await App.WithDbAsync(db => db.WebhookEndpoints.Where(e => e.Id == endpointId).Select(e => e.FailingSince).FirstAsync(Cancel))) is null && DateTime.UtcNow < until)
        {
            await Task.Delay(100, Cancel);
        }

        Assert.NotNull(failing);
        Assert.DoesNotContain(receiver.Requests, r => r.EventType == WebhookEventTypes.RegistrationConfirmed);

        receiver.Down = false;
        await receiver.WaitAsync(r => r.Accepted.Select(a => a.EventId).Distinct().Count() == registrations.Count * 2, Patience,
            () => $"{receiver.Accepted.Count()} accepted of {registrations.Count * 2}.");

        var accepted = receiver.Accepted.ToList();
        // The pump records the answers after they came in, in one transaction: the receiver may have them a moment before the rows say so.
        until = DateTime.UtcNow + Patience;
        List<WebhookDelivery> rows;
        while ((rows = await App.WithDbAsync(db => db.WebhookDeliveries.AsNoTracking().Where(d => d.EndpointId == endpointId).ToListAsync(Cancel)))
            .Any(r => r.Status != WebhookDeliveryStatus.Delivered) && DateTime.UtcNow < until)
        {
            await Task.Delay(100, Cancel);
        }

        Assert.Equal(registrations.Count * 2, rows.Count);
        Assert.All(rows, r => Assert.Equal(WebhookDeliveryStatus.Delivered, r.Status));
        Assert.Contains(rows, r => r.Attempts > 1);
        // Every event once (or again with the same id), and for each registration "created" before "confirmed".
        Assert.Equal(rows.Select(r => r.EventId).Order(), accepted.Select(a => a.EventId!).Distinct().Order());
        foreach (var id in registrations)
        {
            var mine = accepted.Where(a => JsonDocument.Parse(a.Body).RootElement.GetProperty("data").GetProperty("registration").GetProperty("id").GetInt32() == id).Select(a => a.EventType).ToList();
            Assert.Equal([WebhookEventTypes.RegistrationCreated, WebhookEventTypes.RegistrationConfirmed], mine.Distinct());
        }

        Assert.Null(await App.WithDbAsync(db => db.WebhookEndpoints.Where(e => e.Id == endpointId).Select(e => e.FailingSince).FirstAsync(Cancel)));
    }
}

/// <summary>The app with the test receiver's host allowed, and retries a second apart.</summary>
public sealed class WebhookSqliteApp : SqliteApp
{
    protected override void Configure(SummitFactory app) => WebhookSettings.Apply(app);
}

public sealed class WebhookPostgresApp : PostgresApp
{
    protected override void Configure(SummitFactory app) => WebhookSettings.Apply(app);
}

internal static class WebhookSettings
{
    public static void Apply(SummitFactory app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Settings["Webhooks:AllowedInternalHosts:0"] = "127.0.0.1";
        app.Settings["Webhooks:FirstRetryDelay"] = "00:00:01";
        app.Settings["Webhooks:MaxRetryDelay"] = "00:00:02";
    }
}

public sealed class WebhookTestsOnSqlite(WebhookSqliteApp app) : WebhookTests<WebhookSqliteApp>(app), IClassFixture<WebhookSqliteApp>;

public sealed class WebhookTestsOnPostgres(WebhookPostgresApp app) : WebhookTests<WebhookPostgresApp>(app), IClassFixture<WebhookPostgresApp>;
