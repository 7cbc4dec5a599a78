using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Summit.Core;
using Summit.Core.Data;
using Summit.Core.Mail;
using Summit.Jobs.Hosting;
using Summit.Jobs.Mail;
using Summit.Testing;

namespace Summit.Jobs.Tests;

/// <summary>The worker process's composition (AddSummitCore + AddSummitJobs with a server) runs a queued job on each storage.</summary>
public class HangfireStorageTests
{
    [Fact]
    public Task A_queued_mail_is_sent_by_a_worker_on_SQLite_storage() => RunWorker(DatabaseProvider.Sqlite, null);

    [Fact]
    public async Task A_queued_mail_is_sent_by_a_worker_on_PostgreSQL_storage()
    {
        var server = TestEnvironment.RequirePostgres();
        await using var database = await PostgresDatabase.CreateAsync(server);
        await RunWorker(DatabaseProvider.Postgres, database.ConnectionString);
    }

    private static async Task RunWorker(DatabaseProvider provider, string? connectionString)
    {
        var storage = Directory.CreateTempSubdirectory("summit-worker-");
        try
        {
            var builder = Host.CreateApplicationBuilder();
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = provider.ToString(),
                ["ConnectionStrings:Summit"] = connectionString,
                ["Storage:Path"] = storage.FullName,
                ["Jobs:QueuePollInterval"] = "00:00:00.200",
            });
            builder.Services.AddSummitCore(builder.Configuration);
            builder.Services.AddSummitJobs(builder.Configuration, runServer: true);
            using var host = builder.Build();
            await host.StartAsync(TestContext.Current.CancellationToken);
            await host.StartSummitAsync();
            long id;
            using (var scope = host.Services.CreateScope())
            {
                id = await scope.ServiceProvider.GetRequiredService<MailOutbox>().QueueAsync(
                    new MailDraft("test.worker", "delegate@summit.test", "Delegate", "en", "Worker test", "<p>hi</p>", "hi"));
            }

            var deadline = DateTime.UtcNow.AddSeconds(30);
            MailStatus status;
            do
            {
                await Task.Delay(200, TestContext.Current.CancellationToken);
                using var scope = host.Services.CreateScope();
                status = await scope.ServiceProvider.GetRequiredService<SummitDbContext>().OutgoingMails
                    .Where(m => m.Id == id).Select(m => m.Status).SingleAsync(TestContext.Current.CancellationToken);
            }
            while (status != MailStatus.Sent && DateTime.UtcNow < deadline);

            Assert.Equal(MailStatus.Sent, status);
            Assert.Single(Directory.GetFiles(Path.Combine(storage.FullName, "outbox"), "*.eml"));
            await host.StopAsync(TestContext.Current.CancellationToken);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            storage.Delete(recursive: true);
        }
    }
}
