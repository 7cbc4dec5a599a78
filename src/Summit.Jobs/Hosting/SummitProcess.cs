using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Summit.Core;
using Summit.Core.Data;

namespace Summit.Jobs.Hosting;

/// <summary>What the web and the worker share as processes: the start sequence and the two health endpoints.</summary>
public static class SummitProcess
{
    public const string ReadyTag = "ready";

    /// <summary>
    /// The checks <c>/health/ready</c> runs: the start is done and shutdown has not begun, the database answers (on
    /// PostgreSQL through a pool of its own, so a node whose request pool is exhausted still says so quickly), the
    /// storage takes a write. <c>/health/live</c> runs none: it answers while the process does.
    /// </summary>
    public static IServiceCollection AddSummitHealth(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<HealthOptions>().Bind(configuration.GetSection(HealthOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        var checks = services.AddHealthChecks()
            .AddCheck<StartedHealthCheck>("started", tags: [ReadyTag])
            .AddCheck<StorageHealthCheck>("storage", tags: [ReadyTag]);
        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (database.Provider == DatabaseProvider.Postgres)
        {
            checks.AddNpgSql(
                provider => new Npgsql.NpgsqlConnectionStringBuilder(provider.GetRequiredService<SummitConnection>().ConnectionString)
                {
                    ApplicationName = "summit-health",
                    MaxPoolSize = ConnectionBudget.HealthPoolSize,
                    Timeout = 5,
                }.ConnectionString,
                name: "database",
                tags: [ReadyTag],
                timeout: TimeSpan.FromSeconds(5));
        }
        else
        {
            checks.AddDbContextCheck<SummitDbContext>("database", tags: [ReadyTag]);
        }

        return services;
    }

    /// <summary>A quiet process gives its spare memory back (<see cref="ReturnMemoryWhenIdle"/>).</summary>
    public static IServiceCollection AddSummitMemory(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<MemoryOptions>().Bind(configuration.GetSection(MemoryOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddHostedService<ReturnMemoryWhenIdle>();
        return services;
    }

    /// <summary><c>/health/live</c>, <c>/health/ready</c>, and <c>/health</c> (the ready checks, in plain text as before).</summary>
    public static void MapSummitHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync });
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag), ResponseWriter = WriteAsync });
        // The address balancers were pointed at before: the same checks, answered in plain text as then ("Healthy").
        endpoints.MapHealthChecks("/health", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) });
    }

    /// <summary>
    /// The start, once the process listens: schema, roles and demo under the start lock, the recurring jobs, then the
    /// gate opens (requests are served, the job server starts). A failure is logged and ends the process.
    /// </summary>
    public static async Task StartSummitAsync(this IHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var gate = host.Services.GetRequiredService<StartupGate>();
        var stopping = host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Summit.Start");
        if (host.Services.GetRequiredService<IHostEnvironment>().IsProduction() && !host.Services.GetRequiredService<IOptions<KeyProtectionOptions>>().Value.IsSet)
        {
            logger.LogWarning("DataProtection:CertificatePath is not set: the keys that sign cookies and badge codes are stored unencrypted in the database (docs/operations.md, keys at rest).");
        }

        try
        {
            using (var scope = host.Services.CreateScope())
            {
                await scope.ServiceProvider.GetRequiredService<SummitStart>().RunAsync(stopping);
            }

            RecurringJobs.Register(host.Services);
            gate.Open();
        }
        catch (Exception e)
        {
            gate.Fail(e);
            logger.LogCritical(e, "Summit could not start: {Message}", e.Message);
            throw;
        }
    }

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    /// <summary>"Healthy" and each check's state, with the reason of any that fails (no secrets: stages and messages).</summary>
    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, Json));
    }
}
