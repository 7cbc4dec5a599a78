using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Summit.Core;
using Summit.Core.Data;
using Summit.Jobs.Hosting;

namespace Summit.Jobs;

/// <summary>
/// The job worker for scale-out: <c>dotnet Summit.Jobs.dll</c> in the web's published folder (or
/// <c>dotnet run --project src/Summit.Jobs</c>). It reads what the web reads: the environment
/// (<c>ASPNETCORE_ENVIRONMENT</c> or <c>DOTNET_ENVIRONMENT</c>), <c>appsettings.json</c> and
/// <c>appsettings.{Environment}.json</c> beside it, environment variables and the command line; it runs the same jobs
/// from the same storage, and answers <c>/health/live</c> and <c>/health/ready</c> on <c>Health:WorkerPort</c>.
/// </summary>
public static class WorkerProgram
{
    public static async Task<int> Main(string[] args)
    {
        if (MigrateCommand.Matches(args))
        {
            return await MigrateCommand.RunAsync(args);
        }

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        // Below every other source: a worker's own default, which any setting overrides.
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource
        {
            InitialData = new Dictionary<string, string?> { [$"{DatabaseOptions.Section}:{nameof(DatabaseOptions.PostgresMaxPoolSize)}"] = ConnectionBudget.WorkerPoolSize.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        });
        if (!builder.Environment.IsDevelopment() && string.IsNullOrWhiteSpace(builder.Configuration["Web:PublicUrl"]))
        {
            // Emails carry links; without the public address they would point at localhost.
            await Console.Error.WriteLineAsync($"Summit worker: Web:PublicUrl is required in {builder.Environment.EnvironmentName} (the site's public address for links in emails, e.g. Web__PublicUrl=https://summit.example.org/).");
            return 1;
        }

        builder.Services.AddSummitCore(builder.Configuration);
        builder.Services.AddSummitJobs(builder.Configuration, runServer: true);
        builder.Services.AddSummitHealth(builder.Configuration);
        builder.Services.AddSummitMemory(builder.Configuration);
        var port = builder.Configuration.GetValue($"{HealthOptions.Section}:{nameof(HealthOptions.WorkerPort)}", new HealthOptions().WorkerPort);
        builder.WebHost.UseUrls(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"http://*:{port}"));

        await using var app = builder.Build();
        app.MapSummitHealth();
        await app.StartAsync();
        await app.StartSummitAsync();
        await app.WaitForShutdownAsync();
        return 0;
    }
}
