using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Summit.Core.Accounts;
using Summit.Core.Data;
using Summit.Core.Demo;
using Summit.Core.Editions;

namespace Summit.Core;

public static class SummitCoreServices
{
    /// <summary>The data layer and the rules: options, the provider's DbContext, the write classes.</summary>
    public static IServiceCollection AddSummitCore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<Files.FileStoreOptions>().Bind(configuration.GetSection(Files.FileStoreOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        AddFileStore(services, configuration.GetSection(Files.FileStoreOptions.Section).Get<Files.FileStoreOptions>() ?? new Files.FileStoreOptions());
        services.AddOptions<Audit.AuditOptions>().Bind(configuration.GetSection(Audit.AuditOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<DemoOptions>().Bind(configuration.GetSection(DemoOptions.Section));
        services.AddOptions<Site.SiteLinks.Settings>().Bind(configuration.GetSection("Web"));
        services.AddSingleton<Site.SiteLinks>();
        services.AddScoped<Site.CacheEvictions>();
        services.AddScoped<Limits.SharedRateLimits>();

        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var storage = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        var connectionString = SummitDatabase.ConnectionString(configuration, database, storage);

        if (database.Provider == DatabaseProvider.Postgres)
        {
            services.AddDbContext<SummitDbContext, PostgresSummitDbContext>((sp, o) =>
            {
                SummitDatabase.UsePostgres(o, connectionString);
                o.AddInterceptors(sp.GetRequiredService<Consequences.ConsequenceCommitWatcher>());
            });
        }
        else
        {
            services.AddDbContext<SummitDbContext, SqliteSummitDbContext>((sp, o) =>
            {
                SummitDatabase.UseSqlite(o, connectionString, database);
                o.AddInterceptors(sp.GetRequiredService<Consequences.ConsequenceCommitWatcher>());
            });
        }

        services.AddIdentityCore<SummitUser>(IdentityRules.Configure)
            .AddRoles<IdentityRole>()
            .AddPasswordValidator<GuessablePasswordValidator>()
            .AddEntityFrameworkStores<SummitDbContext>()
            // Here, not in the web app alone: a worker process makes confirmation and reset links too, and Data
            // Protection's keys are shared through the database.
            .AddDefaultTokenProviders()
            // After the defaults, whose entries they replace: second-factor codes that sign in once (issue 21).
            .AddTokenProvider<OnceOnlyAuthenticatorTokenProvider>(TokenOptions.DefaultAuthenticatorProvider)
            .AddTokenProvider<OnceOnlyEmailTokenProvider>(TokenOptions.DefaultEmailProvider);

        services.AddSingleton(new SummitConnection(database.Provider, connectionString));
        services.AddSingleton(TimeProvider.System);
        // What must follow a change is written with it (decision 0014); Summit.Jobs replaces the nudge with Hangfire's.
        services.TryAddSingleton<Consequences.IConsequenceNudge, Consequences.NoNudge>();
        services.AddSingleton<Consequences.ConsequenceCommitWatcher>();
        services.AddSingleton<Consequences.ConsequenceRoutes>();
        services.AddScoped<Consequences.ConsequenceRecorder>();
        services.AddSingleton<Consequences.ConsequenceRunner>();
        services.AddScoped<Accounts.SignInCodes>();
        services.AddScoped<Accounts.AccountSessions>();
        services.AddOptions<Photos.PhotoOptions>().Bind(configuration.GetSection(Photos.PhotoOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<Photos.PhotoDecoding>();
        services.AddSingleton<Accounts.DatabaseTicketStore>();
        services.AddOptions<Accounts.StrongSignInOptions>().Bind(configuration.GetSection(Accounts.StrongSignInOptions.Section));
        services.AddOptions<Accounts.SessionLimits>().Bind(configuration.GetSection(Accounts.SessionLimits.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<SaveEdition>();
        services.AddScoped<Speakers.SaveSpeaker>();
        services.AddScoped<Speakers.SpeakerProgramme>();
        services.AddScoped<Dashboard.EditionGlance>();
        services.AddScoped<Speakers.SpeakerPhotos>();
        services.AddScoped<Speakers.SpeakerCsv>();
        services.AddScoped<Speakers.SpeakerInvitations>();
        services.AddScoped<Speakers.MergeSpeakers>();
        services.AddScoped<Photos.IPhotoStore, Photos.PhotoStore>();
        services.AddScoped<Scheduling.ScheduleSession>();
        services.AddScoped<Scheduling.SaveSession>();
        services.AddScoped<Scheduling.SaveProgrammeItem>();
        services.AddScoped<Scheduling.PublishSchedule>();
        services.AddScoped<Scheduling.ProgrammeReader>();
        services.AddScoped<Scheduling.PersonalAgenda>();
        services.AddScoped<Scheduling.SetSpeakerAvailability>();
        services.AddScoped<Registrations.RegistrationEvents>();
        services.AddScoped<Registrations.RegisterAttendee>();
        services.AddScoped<Registrations.ChangeRegistration>();
        services.AddScoped<Registrations.SignUpForSession>();
        // In Core, so web nodes and job workers share the keys (in the database): cookies, and the badges' QR tokens
        // a worker signs and a check-in desk verifies.
        var keys = services.AddDataProtection().SetApplicationName("Summit").PersistKeysToDbContext<SummitDbContext>();
        services.AddOptions<KeyProtectionOptions>().Bind(configuration.GetSection(KeyProtectionOptions.Section));
        var keyProtection = configuration.GetSection(KeyProtectionOptions.Section).Get<KeyProtectionOptions>() ?? new KeyProtectionOptions();
        if (keyProtection.IsSet)
        {
            var (current, all) = keyProtection.Load();
            keys.ProtectKeysWithCertificate(current);
            // Read with the certificates themselves, not looked up in a certificate store (Linux has none to look in).
            keys.UnprotectKeysWithAnyCertificate(all);
        }
        services.AddSingleton<Registrations.BadgeTokens>();
        services.AddScoped<Registrations.CheckInAttendee>();
        services.AddScoped<Registrations.CheckInQueries>();
        services.AddScoped<Scheduling.ScheduleChangeAudience>();
        services.AddScoped<Registrations.SaveCategory>();
        services.AddScoped<Api.ApiTokens>();
        services.AddScoped<Api.ApiQueries>();
        services.AddOptions<Webhooks.WebhookOptions>().Bind(configuration.GetSection(Webhooks.WebhookOptions.Section));
        services.AddScoped<Webhooks.WebhookEndpoints>();
        services.AddScoped<Webhooks.WebhookPump>();
        services.AddScoped<Consequences.ConsequenceContext>();
        services.AddScoped<Registrations.PlanBadgeSheet>();
        services.AddScoped<Press.ArticleEvents>();
        services.AddScoped<Press.SaveArticle>();
        services.AddScoped<Press.ArticlePhotos>();
        services.AddScoped<Press.RequestSignOff>();
        services.AddScoped<Press.AnswerSignOff>();
        services.AddScoped<Press.SubmitArticle>();
        services.AddScoped<Press.SendBackArticle>();
        services.AddScoped<Press.ScheduleArticle>();
        services.AddScoped<Press.UnpublishArticle>();
        services.AddScoped<Press.RestoreArticleRevision>();
        services.AddScoped<Press.ChangeArticleAuthors>();
        services.AddScoped<Press.PublishDueArticles>();
        services.AddScoped<Registrations.RegistrationCsv>();
        services.AddScoped<CreateOrganizer>();
        services.AddScoped<DemoSeed>();
        services.AddScoped<DemoScale>();
        services.AddScoped<SummitStart>();
        services.AddSingleton<StartupGate>();
        services.AddScoped<EnsureRoles>();
        return services;
    }

    /// <summary>The one file store of <c>Files:Store</c>, scoped (the database store writes through the request's context, in its transaction).</summary>
    private static void AddFileStore(IServiceCollection services, Files.FileStoreOptions files)
    {
        switch (files.Store)
        {
            case Files.FileStoreKind.Database:
                services.AddScoped<Files.IFileStore, Files.DatabaseFileStore>();
                break;
            case Files.FileStoreKind.S3:
                services.AddSingleton<Files.S3FileStore>();
                services.AddScoped<Files.IFileStore>(sp => sp.GetRequiredService<Files.S3FileStore>());
                break;
            default:
                services.AddSingleton<Files.FolderFileStore>();
                services.AddScoped<Files.IFileStore>(sp => sp.GetRequiredService<Files.FolderFileStore>());
                break;
        }
    }
}

/// <summary>The resolved engine and connection string, for the parts that talk to the same database without EF (Hangfire).</summary>
public sealed record SummitConnection(DatabaseProvider Provider, string ConnectionString);
