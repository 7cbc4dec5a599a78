using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Summit.Core;
using Summit.Core.Data;

namespace Summit.Jobs;

/// <summary>
/// The job worker for scale-out: <c>dotnet run --project src/Summit.Jobs</c>. It reads the same settings as the web
/// process (Database, ConnectionStrings, Storage, Smtp, Jobs) and runs the same jobs from the same storage.
/// </summary>
public static class WorkerProgram
{
    public static async Task Main(string[] args)
    {
        // Settings come from environment variables and the command line (and an appsettings.json in the working
        // directory, if an operator puts one there). The project ships none: it would collide with the web's when
        // Summit.Web is published, since Summit.Web references this project.
        var builder = Host.CreateApplicationBuilder(args);
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        builder.Logging.AddFilter("Hangfire", LogLevel.Warning);
        builder.Services.AddSummitCore(builder.Configuration);
        builder.Services.AddSummitJobs(builder.Configuration, runServer: true);
        using var host = builder.Build();
        using (var scope = host.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync();
        }

        RecurringJobs.Register(host.Services);

        await host.RunAsync();
    }
}
