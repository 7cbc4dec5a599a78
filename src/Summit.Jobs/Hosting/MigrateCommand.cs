using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Summit.Core;
using Summit.Core.Data;

namespace Summit.Jobs.Hosting;

/// <summary>
/// <c>dotnet Summit.Web.dll migrate</c> (or <c>dotnet Summit.Jobs.dll migrate</c>): brings the schema (EF's
/// migrations and Hangfire's tables) up to date under the start lock and exits, for a release step that migrates
/// before the nodes roll; nodes with <c>Database:MigrateOnStartup=false</c> wait for it.
/// </summary>
public static class MigrateCommand
{
    public const string Verb = "migrate";

    public static bool Matches(string[] args) => args is [Verb, ..];

    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args[1..], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        builder.Services.AddSummitCore(builder.Configuration);
        builder.Services.AddSummitJobs(builder.Configuration, runServer: false);
        using var host = builder.Build();
        try
        {
            using var scope = host.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<SummitStart>().MigrateAsync();
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException)
        {
            await Console.Error.WriteLineAsync($"migrate: {e.Message}");
            return 1;
        }

        await Console.Out.WriteLineAsync("migrate: the schema is up to date.");
        return 0;
    }
}
