using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Summit.Core.Audit;
using Summit.Core.Consequences;
using Summit.Core.Data;
using Summit.Core.Editions;
using Summit.Core.Webhooks;
using Summit.Testing;

namespace Summit.Core.Tests.Webhooks;

/// <summary>
/// The pump on a real engine, with a receiver that answers as told and a clock that jumps: one object's events go
/// out in order, a failing one is retried after its back-off and marked failed after a day, an endpoint failing for
/// a day is paused (audited, with the email's consequence), a paused one is left alone, answers are kept to 1 KB.
/// </summary>
public abstract class WebhookPumpTests : IAsyncLifetime
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.Zero));
    private readonly Receiver receiver = new();
    private readonly WebhookOptions options = new();
    private ServiceProvider services = null!;
    private int editionId;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    protected abstract Task<Dictionary<string, string?>> DatabaseSettingsAsync();

    protected abstract Task DisposeDatabaseAsync();

    private sealed class Receiver : IWebhookTransport
    {
        public ConcurrentQueue<(string EventId, string Body)> Got { get; } = new();

        public int Status { get; set; } = 200;

        public string? Answer { get; set; }

        /// <summary>Bodies containing this make the transport throw, as a broken connection would.</summary>
        public string? ThrowOn { get; set; }

        public Task<WebhookAttempt> PostAsync(Uri url, string body, IReadOnlyList<KeyValuePair<string, string>> headers, CancellationToken cancellationToken)
        {
            if (ThrowOn is not null && body.Contains(ThrowOn, StringComparison.Ordinal))
            {
                throw new IOException("The connection was reset.");
            }

            Got.Enqueue((headers.Single(h => h.Key == "Summit-Event-Id").Value, body));
            return Task.FromResult(new WebhookAttempt(DateTimeOffset.UtcNow, Status, Answer, Status is >= 200 and < 300 ? null : $"HTTP {Status}", 3));
        }
    }

    private sealed class PausedNote : IConsequenceHandler<WebhookEndpointPaused>, IConsequenceHandler<WebhookDeliveriesDue>
    {
        public Task HandleAsync(WebhookEndpointPaused happened, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task HandleAsync(WebhookDeliveriesDue happened, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    public async ValueTask InitializeAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(await DatabaseSettingsAsync()).Build();
        var collection = new ServiceCollection().AddLogging();
        collection.AddSummitCore(configuration);
        collection.AddSingleton<TimeProvider>(clock);
        collection.AddSingleton<IWebhookTransport>(receiver);
        collection.AddConsequence<WebhookEndpointPaused, PausedNote>("mail");
        collection.AddConsequence<WebhookDeliveriesDue, PausedNote>("webhooks");
        services = collection.BuildServiceProvider();
        var saved = await WithAsync(s => s.GetRequiredService<SaveEdition>().RunAsync(null, new EditionDetails(
            "2027", "CCI-FS 2027", "2027峰会", null, null, new DateOnly(2027, 11, 5), new DateOnly(2027, 11, 6), "Venue", "场地", "Chongqing", "重庆", "Asia/Shanghai", EditionStatus.Open), Cancel));
        editionId = saved.EditionId!.Value;
    }

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        await DisposeDatabaseAsync();
        GC.SuppressFinalize(this);
    }

    private async Task<T> WithAsync<T>(Func<IServiceProvider, Task<T>> use)
    {
        using var scope = services.CreateScope();
        return await use(scope.ServiceProvider);
    }

    private Task<int> PumpAsync() => WithAsync(s => s.GetRequiredService<WebhookPump>().RunAsync(TimeSpan.FromSeconds(30), Cancel));

    private async Task<int> EndpointAsync() =>
        (await WithAsync(s => s.GetRequiredService<WebhookEndpoints>().CreateAsync(editionId, new WebhookEndpointRequest("https://hooks.example.com/summit", null, [WebhookEventTypes.RegistrationCreated]), "org-1", Cancel))).EndpointId!.Value;

    private Task<long[]> EventsAsync(int endpoint, params (string Subject, long Sequence)[] events) => WithAsync(async s =>
    {
        var db = s.GetRequiredService<SummitDbContext>();
        var rows = events.Select(e => new WebhookDelivery(endpoint, Guid.NewGuid().ToString(), WebhookEventTypes.RegistrationCreated, e.Subject, e.Sequence, null, $"{{\"subject\":\"{e.Subject}\",\"n\":{e.Sequence}}}", clock.GetUtcNow())).ToList();
        db.WebhookDeliveries.AddRange(rows);
        await db.SaveChangesAsync(Cancel);
        return rows.Select(r => r.Id).ToArray();
    });

    private Task<WebhookDelivery> DeliveryAsync(long id) => WithAsync(s => s.GetRequiredService<SummitDbContext>().WebhookDeliveries.AsNoTracking().SingleAsync(d => d.Id == id, Cancel));

    [Fact]
    public async Task An_objects_events_wait_behind_its_first_undelivered_one_while_other_objects_go_on()
    {
        var endpoint = await EndpointAsync();
        var ids = await EventsAsync(endpoint, ("registration:1", 10), ("registration:1", 11), ("registration:2", 12));
        receiver.Status = 503;

        Assert.Equal(2, await PumpAsync()); // the first of each registration; the second of registration 1 waits
        Assert.Equal(0, (await DeliveryAsync(ids[1])).Attempts);
        Assert.Equal(0, await PumpAsync()); // both wait for their back-off (15 s)

        receiver.Status = 200;
        clock.Advance(TimeSpan.FromSeconds(16));
        Assert.Equal(3, await PumpAsync()); // both retried, and in the next batch registration 1's second, free now
        Assert.Equal(WebhookDeliveryStatus.Delivered, (await DeliveryAsync(ids[0])).Status);
        Assert.Equal(WebhookDeliveryStatus.Delivered, (await DeliveryAsync(ids[1])).Status);
        Assert.Equal(0, await PumpAsync());
        var bodies = receiver.Got.Where(g => g.Body.Contains("registration:1", StringComparison.Ordinal)).Select(g => g.Body).ToList();
        Assert.Equal(["{\"subject\":\"registration:1\",\"n\":10}", "{\"subject\":\"registration:1\",\"n\":10}", "{\"subject\":\"registration:1\",\"n\":11}"], bodies);
    }

    [Fact]
    public async Task A_pump_out_of_time_with_more_due_leaves_a_consequence_that_carries_on_and_none_when_nothing_is_due()
    {
        var endpoint = await EndpointAsync();
        await EventsAsync(endpoint, ("registration:9", 1));
        Task<int> Continuations() => WithAsync(s => s.GetRequiredService<SummitDbContext>().Consequences.CountAsync(c => c.Handler == "PausedNote.WebhookDeliveriesDue", Cancel));

        Assert.Equal(0, await WithAsync(s => s.GetRequiredService<WebhookPump>().RunAsync(TimeSpan.Zero, Cancel)));
        Assert.Equal(1, await Continuations());

        Assert.Equal(1, await PumpAsync());
        Assert.Equal(0, await WithAsync(s => s.GetRequiredService<WebhookPump>().RunAsync(TimeSpan.Zero, Cancel)));
        Assert.Equal(1, await Continuations());
    }

    [Fact]
    public async Task When_a_failing_receiver_answers_again_the_retries_waiting_for_it_go_at_once()
    {
        var endpoint = await EndpointAsync();
        var first = await EventsAsync(endpoint, ("registration:7", 1));
        receiver.Status = 503;
        for (var i = 1; i <= 4; i++)
        {
            Assert.Equal(1, await PumpAsync());
            if (i < 4)
            {
                clock.Advance(options.RetryDelayAfter(i) + TimeSpan.FromSeconds(1));
            }
        }

        Assert.Equal(4, (await DeliveryAsync(first[0])).Attempts);
        Assert.True((await DeliveryAsync(first[0])).NextAttemptAt > clock.GetUtcNow().AddMinutes(10)); // the fifth try is 16 minutes off

        // Back: a new registration's event gets through, and the one waiting for its hour goes with it.
        receiver.Status = 200;
        var next = await EventsAsync(endpoint, ("registration:8", 2));
        Assert.Equal(2, await PumpAsync());
        Assert.Equal(WebhookDeliveryStatus.Delivered, (await DeliveryAsync(next[0])).Status);
        Assert.Equal(WebhookDeliveryStatus.Delivered, (await DeliveryAsync(first[0])).Status);
    }

    [Fact]
    public async Task A_delivery_failing_for_a_day_is_failed_and_its_endpoint_paused_with_an_audit_entry_and_the_email_consequence()
    {
        var endpoint = await EndpointAsync();
        var ids = await EventsAsync(endpoint, ("registration:5", 1));
        receiver.Status = 500;
        receiver.Answer = new string('x', 5000);

        var attempts = 0;
        for (var hour = 0; hour < 30 && (await DeliveryAsync(ids[0])).Status == WebhookDeliveryStatus.Pending; hour++)
        {
            attempts += await PumpAsync();
            clock.Advance(TimeSpan.FromHours(1));
        }

        var failed = await DeliveryAsync(ids[0]);
        Assert.Equal(WebhookDeliveryStatus.Failed, failed.Status);
        Assert.Equal(attempts, failed.Attempts);
        Assert.InRange(attempts, 8, 30);
        Assert.Equal(500, failed.LastStatusCode);
        Assert.Equal(WebhookDelivery.ResponseMaxLength, failed.LastResponse!.Length);

        var paused = await WithAsync(s => s.GetRequiredService<SummitDbContext>().WebhookEndpoints.AsNoTracking().SingleAsync(e => e.Id == endpoint, Cancel));
        Assert.Equal(WebhookEndpoint.PausedFailing, paused.PausedReason);
        Assert.NotNull(paused.FailingSince);
        var note = await WithAsync(s => s.GetRequiredService<SummitDbContext>().Consequences.AsNoTracking().SingleAsync(c => c.Handler == "PausedNote.WebhookEndpointPaused", Cancel));
        Assert.Equal($"webhook:{endpoint}", note.Subject);
        var entry = await WithAsync(s => s.GetRequiredService<SummitDbContext>().AuditEntries.AsNoTracking()
            .Where(e => e.ObjectType == AuditedTypes.WebhookEndpoint && e.Action == "changed").ToListAsync(Cancel));
        Assert.Contains(entry, e => e.ChangeList.Any(c => c.Field == "PausedReason" && c.After == WebhookEndpoint.PausedFailing));

        // Paused: a new event is kept, not sent, until an organizer resumes the endpoint.
        var later = await EventsAsync(endpoint, ("registration:6", 2));
        receiver.Status = 200;
        Assert.Equal(0, await PumpAsync());
        Assert.True(await WithAsync(s => s.GetRequiredService<WebhookEndpoints>().ResumeAsync(endpoint, Cancel)));
        Assert.Equal(1, await PumpAsync());
        Assert.Equal(WebhookDeliveryStatus.Delivered, (await DeliveryAsync(later[0])).Status);
        Assert.Null((await WithAsync(s => s.GetRequiredService<SummitDbContext>().WebhookEndpoints.AsNoTracking().SingleAsync(e => e.Id == endpoint, Cancel))).FailingSince);

        // A redelivery sends the same event again; one still on its way cannot be redelivered.
        Assert.Null(await WithAsync(s => s.GetRequiredService<WebhookEndpoints>().RedeliverAsync(endpoint, ids[0], Cancel)));
        Assert.Equal(WebhookEndpoints.Reasons.Delivered, (await WithAsync(s => s.GetRequiredService<WebhookEndpoints>().RedeliverAsync(endpoint, ids[0], Cancel)))?.Message);
        Assert.Equal(1, await PumpAsync());
        Assert.Equal(WebhookDeliveryStatus.Delivered, (await DeliveryAsync(ids[0])).Status);
        Assert.Equal(2, receiver.Got.Select(g => g.EventId).Distinct().Count());
    }

    [Fact]
    public async Task A_receiver_that_breaks_the_connection_or_answers_NUL_bytes_costs_only_its_own_delivery_an_attempt()
    {
        var endpoint = await EndpointAsync();
        var ids = await EventsAsync(endpoint, ("registration:20", 1), ("registration:21", 2), ("registration:22", 3));
        receiver.ThrowOn = "registration:21";
        receiver.Answer = "ok\0\u0007 fine";

        Assert.Equal(3, await PumpAsync());

        Assert.Equal(WebhookDeliveryStatus.Delivered, (await DeliveryAsync(ids[0])).Status);
        Assert.Equal("ok\uFFFD\uFFFD fine", (await DeliveryAsync(ids[0])).LastResponse);
        var broken = await DeliveryAsync(ids[1]);
        Assert.Equal((WebhookDeliveryStatus.Pending, 1, (int?)null), (broken.Status, broken.Attempts, broken.LastStatusCode));
        Assert.Contains("The connection was reset.", broken.LastError, StringComparison.Ordinal);
        Assert.NotNull(broken.NextAttemptAt);
        Assert.Null(broken.LeaseToken);
        Assert.Equal(WebhookDeliveryStatus.Delivered, (await DeliveryAsync(ids[2])).Status);
    }

    [Fact]
    public async Task Resuming_sends_what_waited_at_once_and_the_failed_ones_can_all_be_sent_again()
    {
        var endpoint = await EndpointAsync();
        var ids = await EventsAsync(endpoint, ("registration:30", 1));
        receiver.Status = 503;
        await PumpAsync();
        clock.Advance(TimeSpan.FromHours(25)); // past the day: its next failure gives it up
        await PumpAsync();
        Assert.Equal(WebhookDeliveryStatus.Failed, (await DeliveryAsync(ids[0])).Status);
        var waiting = await EventsAsync(endpoint, ("registration:31", 2));
        Assert.Equal(0, await PumpAsync()); // a day of failures paused the endpoint: the new event waits, kept
        Assert.Equal(WebhookEndpoint.PausedFailing, await WithAsync(s => s.GetRequiredService<SummitDbContext>().WebhookEndpoints.Where(e => e.Id == endpoint).Select(e => e.PausedReason).SingleAsync(Cancel)));

        receiver.Status = 200;
        Assert.True(await WithAsync(s => s.GetRequiredService<WebhookEndpoints>().ResumeAsync(endpoint, Cancel)));
        Assert.Equal(1, await PumpAsync()); // the waiting one at once, its back-off forgotten
        Assert.Equal(WebhookDeliveryStatus.Delivered, (await DeliveryAsync(waiting[0])).Status);

        Assert.Equal(1, await WithAsync(s => s.GetRequiredService<WebhookEndpoints>().RedeliverFailedAsync(endpoint, Cancel)));
        Assert.Equal(1, await PumpAsync());
        Assert.Equal(WebhookDeliveryStatus.Delivered, (await DeliveryAsync(ids[0])).Status);
        Assert.Equal(0, await WithAsync(s => s.GetRequiredService<WebhookEndpoints>().RedeliverFailedAsync(endpoint, Cancel)));
    }

    [Fact]
    public async Task Erasing_a_person_removes_their_events_bodies_from_the_log_and_sends_nothing_more_about_them()
    {
        var endpoint = await EndpointAsync();
        var category = (await WithAsync(s => s.GetRequiredService<Core.Registrations.SaveCategory>().RunAsync(editionId, null, new Core.Registrations.CategoryDetails(
            "Delegate", "代表", null, null, Core.Registrations.CategoryKind.General, null, false, false, null, null, 1), Cancel))).CategoryId!.Value;
        var registration = (await WithAsync(s => s.GetRequiredService<Core.Registrations.RegisterAttendee>().RunAsync(category, TestData.Person("erase.me@summit.test"), null, cancellationToken: Cancel))).RegistrationId!.Value;
        var subject = Core.Registrations.RegistrationEvents.Subject(registration);
        var ids = await EventsAsync(endpoint, (subject, 1));
        Assert.Equal(1, await PumpAsync());
        var later = await EventsAsync(endpoint, (subject, 2));
        // A pump is sending the later one at the moment of the erasure: its lease must not let it write over the scrub.
        var lease = Guid.NewGuid();
        await WithAsync(s => s.GetRequiredService<SummitDbContext>().WebhookDeliveries.Where(d => d.Id == later[0])
            .ExecuteUpdateAsync(u => u.SetProperty(d => d.LeaseToken, lease).SetProperty(d => d.LeasedUntil, DateTimeOffset.UtcNow.AddMinutes(5)), Cancel));

        Assert.Empty(await WithAsync(s => s.GetRequiredService<Core.Registrations.ChangeRegistration>().EraseAsync(registration, Cancel)));
        Assert.Equal(0, await WithAsync(s => s.GetRequiredService<SummitDbContext>().WebhookDeliveries.CountAsync(d => d.Id == later[0] && d.LeaseToken == lease, Cancel)));

        var sent = await DeliveryAsync(ids[0]);
        var unsent = await DeliveryAsync(later[0]);
        Assert.Equal((WebhookDeliveryStatus.Delivered, WebhookErasure.ErasedBody), (sent.Status, sent.Body));
        Assert.Equal((WebhookDeliveryStatus.Failed, WebhookErasure.ErasedBody, WebhookErasure.NotSent), (unsent.Status, unsent.Body, unsent.LastError));
        Assert.Equal(WebhookEndpoints.Reasons.Erased, (await WithAsync(s => s.GetRequiredService<WebhookEndpoints>().RedeliverAsync(endpoint, ids[0], Cancel)))?.Message);
        Assert.Equal(0, await WithAsync(s => s.GetRequiredService<WebhookEndpoints>().RedeliverFailedAsync(endpoint, Cancel)));
        Assert.Equal(0, await PumpAsync());
    }

    [Fact]
    public async Task A_bad_endpoint_is_refused_with_the_field_and_nothing_is_saved_and_a_secret_never_enters_the_trail()
    {
        var refused = await WithAsync(s => s.GetRequiredService<WebhookEndpoints>().CreateAsync(editionId, new WebhookEndpointRequest("http://hooks.example.com/x", new string('d', 201), ["registration.everything"]), null, Cancel));

        Assert.False(refused.Saved);
        Assert.Equal(
            [("Url", WebhookAddresses.Reasons.Https), ("Description", WebhookEndpoints.Reasons.Description), ("EventTypes", WebhookEndpoints.Reasons.UnknownEventType)],
            refused.Refusals.Select(r => (r.Field, r.Message)));
        Assert.Equal(0, await WithAsync(s => s.GetRequiredService<SummitDbContext>().WebhookEndpoints.CountAsync(Cancel)));

        var endpoint = await EndpointAsync();
        Assert.True(await WithAsync(s => s.GetRequiredService<WebhookEndpoints>().RollSecretAsync(endpoint, Cancel)));
        var secret = await WithAsync(s => s.GetRequiredService<SummitDbContext>().WebhookEndpoints.Where(e => e.Id == endpoint).Select(e => e.Secret).SingleAsync(Cancel));
        var entries = await WithAsync(s => s.GetRequiredService<SummitDbContext>().AuditEntries.AsNoTracking().Where(e => e.ObjectType == AuditedTypes.WebhookEndpoint).ToListAsync(Cancel));
        Assert.Equal(["created", "changed"], entries.OrderBy(e => e.Id).Select(e => e.Action));
        Assert.All(entries.SelectMany(e => e.ChangeList).Where(c => c.Field == "Secret"), c => Assert.True(c.Hidden));
        Assert.DoesNotContain(entries.SelectMany(e => e.ChangeList), c => c.After == secret || c.Before == secret);
    }
}

public sealed class WebhookPumpTestsOnSqlite : WebhookPumpTests
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("summit-webhooks-");

    protected override Task<Dictionary<string, string?>> DatabaseSettingsAsync()
    {
        TestDatabases.CopySqliteTemplate(folder.FullName);
        return Task.FromResult(new Dictionary<string, string?> { ["Storage:Path"] = folder.FullName });
    }

    protected override Task DisposeDatabaseAsync()
    {
        SqliteConnection.ClearAllPools();
        folder.Delete(recursive: true);
        return Task.CompletedTask;
    }
}

public sealed class WebhookPumpTestsOnPostgres : WebhookPumpTests
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("summit-webhooks-");
    private PostgresDatabase? database;

    protected override async Task<Dictionary<string, string?>> DatabaseSettingsAsync()
    {
        database = await PostgresDatabase.CreateAsync(TestEnvironment.RequirePostgres());
        return new Dictionary<string, string?>
        {
            ["Storage:Path"] = folder.FullName,
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Summit"] = database.ConnectionString,
        };
    }

    protected override async Task DisposeDatabaseAsync()
    {
        if (database is not null)
        {
            await database.DisposeAsync();
        }

        folder.Delete(recursive: true);
    }
}
