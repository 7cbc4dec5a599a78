using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.Storage.SQLite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Summit.Core;
using Summit.Core.Consequences;
using Summit.Core.Data;
using Summit.Core.Registrations;
using Summit.Core.Webhooks;
using Summit.Jobs.Hosting;
using Summit.Jobs.Mail;

namespace Summit.Jobs;

public static class SummitJobsServices
{
    /// <summary>
    /// Hangfire on the same engine as the data (its own SQLite file, or the <c>hangfire</c> schema of the PostgreSQL
    /// database), the mail pipeline, and, when <paramref name="runServer"/> is true, a Hangfire server in this process.
    /// </summary>
    public static IServiceCollection AddSummitJobs(this IServiceCollection services, IConfiguration configuration, bool? runServer = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<JobsOptions>().Bind(configuration.GetSection(JobsOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SmtpOptions>().Bind(configuration.GetSection(SmtpOptions.Section)).ValidateDataAnnotations().ValidateOnStart();

        var jobs = configuration.GetSection(JobsOptions.Section).Get<JobsOptions>() ?? new JobsOptions();
        var withServer = runServer ?? jobs.RunServer;
        var storage = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();

        services.AddHangfire((provider, config) =>
        {
            config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings()
                .UseFilter(new Hosting.AuditActorJobFilter())
                .UseLogProvider(new HangfireLogProvider(provider.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>()));
            var connection = provider.GetRequiredService<SummitConnection>();
            if (connection.Provider == DatabaseProvider.Postgres)
            {
                // Hangfire's own pool (a distinct application name makes a distinct pool): a burst of jobs being
                // queued and fetched must not take the connections that web requests are waiting for. Its size is part
                // of the connection budget (docs/operations.md).
                var hangfireConnection = new Npgsql.NpgsqlConnectionStringBuilder(connection.ConnectionString)
                {
                    ApplicationName = "summit-hangfire",
                    MaxPoolSize = jobs.PostgresMaxPoolSize ?? (withServer ? ConnectionBudget.HangfireServerPoolSize(jobs.WorkerCount) : ConnectionBudget.HangfireClientPoolSize),
                }.ConnectionString;
                config.UsePostgreSqlStorage(
                    o => o.UseNpgsqlConnection(hangfireConnection),
                    new PostgreSqlStorageOptions
                    {
                        QueuePollInterval = jobs.QueuePollInterval,
                        // Installed with the migrations, under the start lock (HangfireSchemaStep).
                        PrepareSchemaIfNecessary = false,
                        SchemaName = "hangfire",
                        // A live worker renews its fetched jobs every fifth of the timeout (9 s by default), so a killed
                        // worker's jobs are fetched again by another within 45 s (Hangfire's default, 30 minutes without
                        // renewal, left them that long), and a long job is never taken from a worker still running it.
                        UseSlidingInvisibilityTimeout = true,
                        InvisibilityTimeout = jobs.InvisibilityTimeout,
                    });
            }
            else
            {
                config.UseSQLiteStorage(
                    Path.Combine(storage.SubFolder("."), "hangfire.db"),
                    // Hangfire.Storage.SQLite has no renewal of fetched jobs: its 30-minute invisibility stays, so that a
                    // long job is not run twice at once. What a killed worker held comes back sooner through the rows
                    // behind it: consequences and emails are leased for 30 s and swept every 15 s (docs/performance.md).
                    new SQLiteStorageOptions { QueuePollInterval = jobs.QueuePollInterval });
            }
        });

        services.AddSingleton<ISchemaStep, HangfireSchemaStep>();
        if (withServer)
        {
            var before = services.Count;
            services.AddHangfireServer((provider, server) =>
            {
                server.Queues = JobQueues.All;
                server.WorkerCount = provider.GetRequiredService<IOptions<JobsOptions>>().Value.WorkerCount;
                server.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}";
            });
            // The job server starts once the process's start is done (schema, roles), not with the host.
            var hangfireServer = services.Skip(before).Single(d => d.ServiceType == typeof(IHostedService));
            services.Remove(hangfireServer);
            services.AddSingleton<IHostedService>(provider => new AfterStartHostedService(
                hangfireServer.ImplementationFactory?.Invoke(provider) as IHostedService
                    ?? (IHostedService)ActivatorUtilities.CreateInstance(provider, hangfireServer.ImplementationType!),
                provider.GetRequiredService<StartupGate>()));
        }

        services.AddScoped<Scheduling.ProgrammePdfStore>();
        services.AddScoped<Scheduling.RenderProgrammePdfJob>();
        services.AddScoped<Scheduling.SendScheduleDigestsJob>();
        services.AddScoped<Registrations.SendRemindersJob>();
        services.AddScoped<QueueBulkMailJob>();
        services.AddScoped<Audit.PruneAuditTrailJob>();
        services.AddScoped<MailOverrides>();
        services.AddScoped<Badges.BadgeService>();
        services.AddScoped<Badges.RenderBadgeJob>();
        services.AddScoped<Badges.RenderBadgeSheetJob>();
        services.AddScoped<Badges.RefreshBadgesJob>();
        services.AddScoped<Press.PublishArticlesJob>();
        // What follows a registration change, each a consequence on its queue (decision 0014).
        services.AddSingleton<IConsequenceNudge, Consequences.HangfireConsequenceNudge>();
        services.AddScoped<Consequences.RunConsequencesJob>();
        services.AddScoped<Consequences.DispatchDueConsequencesJob>();
        services.AddConsequence<RegistrationChanged, Registrations.RegistrationMailer>(JobQueues.Mail);
        services.AddConsequence<SignupPromoted, Registrations.RegistrationMailer>(JobQueues.Mail);
        services.AddConsequence<RegistrationChanged, Badges.RenderBadges>(JobQueues.Badges, Badges.RenderBadges.Concerns);
        services.AddConsequence<RegistrationDetailsChanged, Badges.RenderBadges>(JobQueues.Badges);
        services.AddConsequence<BadgesChanged, Badges.RenderBadges>(JobQueues.Badges);
        services.AddConsequence<RegistrationChanged, GrantPressAccreditation>(JobQueues.Default, change => change.To == RegistrationStatus.Confirmed);
        services.AddConsequence<Core.Scheduling.ScheduleVersionPublished, Scheduling.QueueProgrammePdf>(JobQueues.Default);
        services.AddConsequence<Core.Scheduling.ScheduleVersionPublished, Scheduling.QueueScheduleDigests>(JobQueues.Default);
        services.AddConsequence<Core.Scheduling.ScheduleVersionPublished, Core.Press.FollowSessionTimes>(JobQueues.Default);
        services.AddConsequence<Core.Scheduling.ScheduleVersionPublished, SyncSpeakerRegistrations>(JobQueues.Default);
        services.AddConsequence<Core.Press.SignOffRequested, Press.PressMailer>(JobQueues.Mail);
        services.AddConsequence<Core.Press.SignOffAnswered, Press.PressMailer>(JobQueues.Mail);
        services.AddConsequence<Core.Press.ArticleHeld, Press.PressMailer>(JobQueues.Mail);
        // Webhooks: each committed change an edition's endpoints may hear of becomes its deliveries (decision 0017).
        services.AddConsequence<RegistrationChanged, WebhookEvents>(JobQueues.Webhooks);
        services.AddConsequence<RegistrationDetailsChanged, WebhookEvents>(JobQueues.Webhooks);
        services.AddConsequence<CheckedIn, WebhookEvents>(JobQueues.Webhooks);
        services.AddConsequence<Core.Scheduling.ScheduleVersionPublished, WebhookEvents>(JobQueues.Webhooks);
        services.AddConsequence<Core.Press.ArticlePublished, WebhookEvents>(JobQueues.Webhooks);
        services.AddConsequence<Core.Speakers.SpeakerChanged, WebhookEvents>(JobQueues.Webhooks);
        // Cached programme pages on every node (decision 0019).
        services.AddConsequence<Core.Speakers.SpeakerChanged, Core.Site.EvictContentCache>(JobQueues.Default);
        services.AddConsequence<Core.Press.ArticlePublished, Core.Site.EvictContentCache>(JobQueues.Default);
        services.AddConsequence<WebhookDeliveriesDue, WebhookEvents>(JobQueues.Webhooks);
        services.AddConsequence<WebhookEndpointPaused, Webhooks.WebhookMailer>(JobQueues.Mail);
        services.AddSingleton<IWebhookTransport, Webhooks.HttpWebhookTransport>();
        services.AddScoped<Webhooks.DeliverWebhooksJob>();
        services.AddScoped<MailOutbox>();
        services.AddScoped<Accounts.AccountMailer>();
        services.AddScoped<Accounts.SendAccountLinkJob>();
        services.AddScoped<Accounts.PruneSessionsJob>();
        services.AddScoped<Accounts.PruneRateLimitsJob>();
        services.AddScoped<SendMailJob>();
        services.AddScoped<RequeueUnsentMailJob>();
        services.AddSingleton<IMailTransport>(provider =>
            provider.GetRequiredService<IOptions<SmtpOptions>>().Value.UsesOutboxFolder
                ? ActivatorUtilities.CreateInstance<OutboxFolderTransport>(provider)
                : ActivatorUtilities.CreateInstance<SmtpMailTransport>(provider));
        return services;
    }
}
