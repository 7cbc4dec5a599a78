using System.Net;
using System.Text.RegularExpressions;
using Hangfire;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MimeKit;
using Summit.Core.Accounts;
using Summit.Core.Data;

namespace Summit.Testing;

/// <summary>
/// The real application, started in-process on a real database: a copy of the run's migrated SQLite template in a
/// temporary storage folder, or a copy of the PostgreSQL template. Hangfire runs inside it, so emails really go
/// through the queue into the outbox folder. Nothing is seeded unless a test asks for the demo
/// (<c>Settings["Demo:Seed"] = "true"</c> seeds it at start; a <see cref="SqliteDemoApp"/> fixture starts on a copy of
/// the run's seeded <see cref="DemoTemplate"/>); tests build their own data with <see cref="TestData"/>.
/// </summary>
public partial class SummitFactory : WebApplicationFactory<Program>
{
    public const string Password = "correct horse battery staple";

    private readonly string? connectionString;

    /// <param name="storagePath">The storage folder to use (files already in it stay); a new temporary one by default.</param>
    public SummitFactory(DatabaseProvider provider, string? connectionString = null, string? storagePath = null)
    {
        Provider = provider;
        this.connectionString = connectionString;
        StoragePath = storagePath ?? Directory.CreateTempSubdirectory("summit-test-").FullName;
        if (provider == DatabaseProvider.Sqlite)
        {
            TestDatabases.CopySqliteTemplate(StoragePath);
        }
    }

    public DatabaseProvider Provider { get; }

    /// <summary>Whether creating the app waits for its start to be done (false: a test of the start itself).</summary>
    public bool WaitForStart { get; init; } = true;

    public string StoragePath { get; }

    public string OutboxPath => Path.Combine(StoragePath, "outbox");

    public Dictionary<string, string?> Settings { get; } = new()
    {
        ["Demo:Seed"] = "false",
        ["Web:PublicUrl"] = "https://localhost",
        ["RateLimits:FormsPerMinute"] = "10000",
        ["Jobs:QueuePollInterval"] = "00:00:00.250",
        ["Health:DrainSeconds"] = "0",
    };

    /// <summary>Changes to the app's services after its own (a decorator that counts, a fake clock).</summary>
    public Action<IServiceCollection>? TestServices { get; set; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (TestServices is { } configure)
        {
            builder.ConfigureTestServices(configure);
        }

        builder.UseEnvironment("Testing");
        // The test's execution context flows into the request, so a StatementCounter can tell the request's
        // statements from those of background jobs running at the same moment.
        builder.ConfigureServices(services => services.Configure<Microsoft.AspNetCore.TestHost.TestServerOptions>(o => o.PreserveExecutionContext = true));
        builder.UseSetting("Storage:Path", StoragePath);
        builder.UseSetting("Database:Provider", Provider.ToString());
        if (connectionString is not null)
        {
            builder.UseSetting("ConnectionStrings:Summit", connectionString);
        }

        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>
    /// Builds and starts the app one at a time across the test process. Hangfire keeps its storage, activator and
    /// log provider in static state that the configuring host sets and the next one overwrites (decision 0006); each
    /// host takes its own into its singletons while it starts, so apps started one after another can then run side
    /// by side, as the test classes do.
    /// </summary>
    protected override IHost CreateHost(IHostBuilder builder)
    {
        IHost host;
        lock (StartLock)
        {
            host = base.CreateHost(builder);
            _ = host.Services.GetRequiredService<JobStorage>();
            _ = host.Services.GetRequiredService<JobActivator>();
            _ = host.Services.GetRequiredService<IBackgroundJobClient>();
            _ = host.Services.GetRequiredService<IRecurringJobManager>();
        }

        // The app listens before its start (schema, roles, demo) is done; a test begins once it is, as a balancer would.
        if (WaitForStart)
        {
            host.Services.GetRequiredService<StartupGate>().Started.WaitAsync(TimeSpan.FromMinutes(3)).GetAwaiter().GetResult();
        }

        return host;
    }

    private static readonly Lock StartLock = new();

    /// <summary>A client that keeps cookies, does not follow redirects (tests assert them) and talks HTTPS, as the Secure cookies need.</summary>
    public HttpClient Browser() => CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        BaseAddress = new Uri("https://localhost"),
        HandleCookies = true,
    });

    public async Task<SummitUser> CreateUserAsync(string email, string? role, bool confirmed = true)
    {
        using var scope = Services.CreateScope();
        return await TestData.UserAsync(scope.ServiceProvider, email, role, Password, confirmed);
    }

    /// <summary>Builders of the data a test asserts on, with this app's services.</summary>
    public async Task<T> BuildAsync<T>(Func<TestData, Task<T>> build)
    {
        ArgumentNullException.ThrowIfNull(build);
        using var scope = Services.CreateScope();
        return await build(new TestData(scope.ServiceProvider));
    }

    public async Task<T> ScopedAsync<T>(Func<IServiceProvider, Task<T>> use)
    {
        ArgumentNullException.ThrowIfNull(use);
        using var scope = Services.CreateScope();
        return await use(scope.ServiceProvider);
    }

    public async Task<TResult> WithDbAsync<TResult>(Func<SummitDbContext, Task<TResult>> use)
    {
        using var scope = Services.CreateScope();
        return await use(scope.ServiceProvider.GetRequiredService<SummitDbContext>());
    }

    /// <summary>Waits until the app's Hangfire server has no job waiting in a queue or running (jobs enqueued directly, not through a consequence).</summary>
    public async Task WaitForJobsAsync(TimeSpan? timeout = null)
    {
        var monitoring = Services.GetRequiredService<Hangfire.JobStorage>().GetMonitoringApi();
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(90));
        while (monitoring.Queues().Sum(q => q.Length) + monitoring.ProcessingCount() > 0)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("Hangfire jobs still waiting or running.");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>
    /// One GET of <paramref name="path"/> by <paramref name="client"/>, and the statements it issued against this app's
    /// database (<see cref="StatementCounter"/>: background jobs at the same moment are not counted). With
    /// <paramref name="editionSlug"/>, that edition's latest version number (kept two seconds) is forgotten first, so
    /// the request looks it up however long the previous one took on a busy machine.
    /// </summary>
    public async Task<(StatementCounter Counter, HttpStatusCode Status, string Body)> CountStatementsAsync(HttpClient client, string path, string? editionSlug = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        if (editionSlug is not null)
        {
            Services.GetRequiredService<Summit.Web.Scheduling.ProgrammeVersions>().Forget(editionSlug);
        }

        var counter = new StatementCounter(StoragePath);
        using (System.Diagnostics.DiagnosticListener.AllListeners.Subscribe(counter))
        using (counter.Measure())
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
            return (counter, response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        }
    }

    /// <summary>
    /// Waits until every consequence committed so far has been carried out (or has failed for good) by the app's
    /// Hangfire server: what a test asserts after an action (a role, an email row, a badge) follows it in a job.
    /// </summary>
    public async Task ConsequencesSettledAsync(TimeSpan? timeout = null)
    {
        // Generous: on a busy CI machine a burst of hundreds of jobs (a 300-registration rush) can hold the app's
        // Hangfire server for half a minute and more (see docs/performance.md, issue 15).
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(90));
        while (true)
        {
            var pending = await WithDbAsync(db => db.Consequences.AsNoTracking()
                .Where(c => c.Status == Core.Consequences.ConsequenceStatus.Pending)
                .Select(c => new { c.Id, c.Handler, c.Subject, c.Attempts, c.LastError })
                .ToListAsync());
            if (pending.Count == 0)
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("Consequences still pending: " + string.Join("; ", pending.Select(p => $"{p.Id} {p.Handler} {p.Subject} ×{p.Attempts} {p.LastError}")));
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Waits for the email of a kind to a recipient to land in the outbox folder (sent by the Hangfire job).</summary>
    public async Task<MimeMessage> WaitForMailAsync(string to, string kind, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(90));
        while (DateTime.UtcNow < deadline)
        {
            if (Directory.Exists(OutboxPath))
            {
                foreach (var file in Directory.GetFiles(OutboxPath, "*.eml"))
                {
                    var message = await MimeMessage.LoadAsync(file);
                    if (message.To.Mailboxes.Any(m => string.Equals(m.Address, to, StringComparison.OrdinalIgnoreCase))
                        && message.Headers["X-Summit-Kind"] == kind)
                    {
                        return message;
                    }
                }
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"No {kind} email to {to} reached {OutboxPath}.");
    }

    public static Uri FirstLink(MimeMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var match = LinkPattern().Match(message.TextBody ?? "");
        Xunit.Assert.True(match.Success, "The email has no link.");
        return new Uri(WebUtility.HtmlDecode(match.Value));
    }

    private bool keepStorage;

    /// <summary>Stops the app and leaves its storage folder (the demo template is made this way).</summary>
    public async Task DisposeKeepingStorageAsync()
    {
        keepStorage = true;
        await DisposeAsync();
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && !keepStorage)
        {
            try
            {
                Directory.Delete(StoragePath, recursive: true);
            }
            catch (IOException)
            {
                // A background writer may still hold a file for a moment; the OS cleans temp folders.
            }
        }
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex LinkPattern();
}
