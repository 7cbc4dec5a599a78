using Summit.Core;
using Summit.Core.Accounts;
using Summit.Core.Data;

namespace Summit.Web.Hosting;

/// <summary>
/// <c>dotnet run --project src/Summit.Web -- create-organizer --email you@example.org [--name "Your Name"]</c>:
/// creates the first Organizer of a deployment (or makes an existing account one). The password comes from the
/// <c>SUMMIT_ORGANIZER_PASSWORD</c> environment variable or is read from standard input, never from the command line.
/// </summary>
internal static class OrganizerCommand
{
    public const string Verb = "create-organizer";

    public static bool Matches(string[] args) => args.Length > 0 && args[0] == Verb;

    public static async Task<int> RunAsync(string[] args)
    {
        var email = Option(args, "--email");
        if (string.IsNullOrWhiteSpace(email))
        {
            await Console.Error.WriteLineAsync($"Usage: {Verb} --email you@example.org [--name \"Your Name\"]  (password from SUMMIT_ORGANIZER_PASSWORD or standard input)");
            return 2;
        }

        var builder = WebApplication.CreateBuilder(ConfigurationArguments(args));
        builder.Services.AddSummitCore(builder.Configuration);
        await using var app = builder.Build();
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<SummitStart>().RunAsync();

        var password = Environment.GetEnvironmentVariable("SUMMIT_ORGANIZER_PASSWORD");
        if (string.IsNullOrEmpty(password))
        {
            await Console.Out.WriteAsync($"Password for {email} (at least {IdentityRules.MinimumPasswordLength} characters; ignored if the account exists): ");
            password = await Console.In.ReadLineAsync();
        }

        var result = await scope.ServiceProvider.GetRequiredService<CreateOrganizer>().RunAsync(email, password, Option(args, "--name"));
        var message = result.Outcome switch
        {
            CreateOrganizerOutcome.Created => $"Created Organizer {email}. Sign in at /account/login.",
            CreateOrganizerOutcome.Promoted => $"{email} already had an account; it is now an Organizer.",
            CreateOrganizerOutcome.AlreadyOrganizer => $"{email} is already an Organizer. Nothing changed.",
            _ => $"Refused: {string.Join(" ", result.Errors)}",
        };
        await Console.Out.WriteLineAsync(message);
        return result.Outcome == CreateOrganizerOutcome.Refused ? 1 : 0;
    }

    /// <summary>What is left for the configuration system once the verb and its own options are taken out.</summary>
    private static string[] ConfigurationArguments(string[] args)
    {
        var rest = new List<string>();
        for (var i = 1; i < args.Length; i++)
        {
            if (args[i] is "--email" or "--name")
            {
                i++;
                continue;
            }

            rest.Add(args[i]);
        }

        return [.. rest];
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
