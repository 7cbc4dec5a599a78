using System.Diagnostics;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Summit.Core.Data;
using Summit.Core.Speakers;
using Summit.Testing;

namespace Summit.Web.Tests.Site;

/// <summary>
/// The backup docs/operations.md describes, done and undone: pg_dump of a deployment whose files are in the database
/// store, restored with pg_restore into an empty database, a node started on it with an empty folder. Every page,
/// every file and a sign-in made before the backup are there.
/// </summary>
public sealed class BackupRestoreTests : IAsyncLifetime
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("summit-backup-");
    private PostgresDatabase? original;
    private PostgresDatabase? restored;

    public async ValueTask InitializeAsync()
    {
        var server = TestEnvironment.RequirePostgres();
        original = await PostgresDatabase.CreateAsync(server);
        restored = await PostgresDatabase.CreateEmptyAsync(server);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var database in new[] { original, restored })
        {
            if (database is not null)
            {
                await database.DisposeAsync();
            }
        }

        folder.Delete(recursive: true);
    }

    private static SummitFactory Node(string connectionString, bool seed) => new(DatabaseProvider.Postgres, connectionString)
    {
        Settings = { ["Files:Store"] = "database", ["Demo:Seed"] = seed ? "true" : "false" },
    };

    [Fact]
    public async Task A_dump_restored_into_an_empty_database_and_folder_serves_every_page_file_and_sign_in()
    {
        string[] pages = ["/", "/2021", "/2021/schedule", "/2021/schedule.ics", "/speakers", "/speakers/zeng-gang", "/news", "/news/feed.atom", "/2021/programme.pdf"];
        var before = new Dictionary<string, HttpStatusCode>();
        List<(string Key, string Sha256)> files;
        List<string> photoUrls;
        await using (var live = Node(original!.ConnectionString, seed: true))
        {
            _ = live.Services;
            using var visitor = live.Browser();
            // The programme PDF is rendered in the background after the demo's publish.
            await live.ConsequencesSettledAsync(TimeSpan.FromSeconds(60));
            await live.WaitForJobsAsync(TimeSpan.FromSeconds(60));
            foreach (var page in pages)
            {
                var until = DateTime.UtcNow.AddSeconds(60);
                HttpStatusCode status;
                while ((status = await StatusAsync(visitor, page)) != HttpStatusCode.OK && DateTime.UtcNow < until)
                {
                    await Task.Delay(250, Cancel);
                }

                before[page] = status;
            }

            files = await live.WithDbAsync(db => db.StoredFiles.OrderBy(f => f.Key).Select(f => new ValueTuple<string, string>(f.Key, f.Sha256)).ToListAsync(Cancel));
            photoUrls = await live.WithDbAsync(async db =>
                (await db.SpeakerPhotos.Where(p => p.Status == PhotoStatus.Approved).Select(p => p.Key).ToListAsync(Cancel)).Select(k => $"/media/speakers/{k}/large")
                .Concat((await db.ArticlePhotos.Select(p => p.Key).ToListAsync(Cancel)).Select(k => $"/media/press/{k}/large")).ToList());
            Assert.All(before, p => Assert.Equal(HttpStatusCode.OK, p.Value));
            Assert.Contains(files, f => f.Key.StartsWith("photos/", StringComparison.Ordinal));
            Assert.Contains(files, f => f.Key.StartsWith("programme/", StringComparison.Ordinal));
            Assert.NotEmpty(photoUrls);
        }

        var dump = Path.Combine(folder.FullName, "summit.dump");
        await RunAsync("pg_dump", original.ConnectionString, "--format=custom", $"--file={dump}");
        await RunAsync("pg_restore", restored!.ConnectionString, "--no-owner", "--exit-on-error", dump);

        await using var back = Node(restored.ConnectionString, seed: false);
        _ = back.Services;
        Assert.False(Directory.Exists(Path.Combine(back.StoragePath, "photos")));
        using var reader = back.Browser();
        foreach (var page in pages.Concat(photoUrls))
        {
            using var response = await reader.GetAsync(new Uri(page, UriKind.Relative), Cancel);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{page}: {(int)response.StatusCode} after the restore");
            Assert.True((await response.Content.ReadAsByteArrayAsync(Cancel)).Length > 0, $"{page} is empty after the restore");
        }

        Assert.Equal(files, await back.WithDbAsync(db => db.StoredFiles.OrderBy(f => f.Key).Select(f => new ValueTuple<string, string>(f.Key, f.Sha256)).ToListAsync(Cancel)));
        Assert.Contains("曾刚", WebUtility.HtmlDecode(await reader.GetStringAsync(new Uri("/speakers/zeng-gang", UriKind.Relative), Cancel)), StringComparison.Ordinal);

        // The Data Protection keys came back too: the organizer signs in on the restored node with the demo password.
        using var signIn = back.Browser();
        await signIn.SignInAsync("organizer@summit.example", "summit-demo-2021");
        using var admin = await signIn.GetAsync(new Uri("/admin", UriKind.Relative), Cancel);
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client, string page)
    {
        using var response = await client.GetAsync(new Uri(page, UriKind.Relative), Cancel);
        return response.StatusCode;
    }

    private static async Task RunAsync(string tool, string connectionString, params string[] arguments)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { $"--host={target.Host}", $"--port={target.Port}", $"--username={target.Username}", $"--dbname={target.Database}" }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        if (!string.IsNullOrEmpty(target.Password))
        {
            start.Environment["PGPASSWORD"] = target.Password;
        }

        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync(Cancel);
        await process.StandardOutput.ReadToEndAsync(Cancel);
        await process.WaitForExitAsync(Cancel);
        Assert.True(process.ExitCode == 0, $"{tool} exited with {process.ExitCode}: {await errors}");
    }
}
