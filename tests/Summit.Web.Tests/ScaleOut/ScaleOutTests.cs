using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Summit.Core;
using Summit.Testing;
using UglyToad.PdfPig;

namespace Summit.Web.Tests.ScaleOut;

/// <summary>
/// Summit as a deployment with several nodes runs it (issue 20, item 9): two web nodes and a worker as processes of
/// their own on one empty PostgreSQL database, each with its own folder, files in the database store, behind a
/// round-robin balancer. It runs beside one other test class, as every class does: most of its time is waiting for
/// the processes, and its limits (3 s for a cache eviction, 60 s for a take-over) leave room for a busy machine.
/// </summary>
public sealed class ScaleOutTests : IAsyncLifetime
{
    private const string Organizer = "organizer@summit.example";
    private const string DemoPassword = "summit-demo-2021";

    /// <summary>Badges in the print run and recipients of the bulk email: enough to kill the worker part-way, few enough to leave the other suites their cores.</summary>
    private const int People = 400;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private PostgresDatabase? database;
    private readonly List<NodeProcess> processes = [];
    private Dictionary<string, string> settings = [];

    public async ValueTask InitializeAsync() => database = await PostgresDatabase.CreateEmptyAsync(TestEnvironment.RequirePostgres());

    public async ValueTask DisposeAsync()
    {
        foreach (var process in processes)
        {
            process.Dispose();
        }

        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }

    private static void Log(string line)
    {
        TestContext.Current.SendDiagnosticMessage(line);
        TestContext.Current.TestOutputHelper?.WriteLine(line);
    }

    [Fact]
    public async Task Two_web_nodes_and_a_worker_start_at_once_share_sign_ins_files_and_cache_evictions_and_a_killed_worker_resumes_its_print_run()
    {
        var webPortProbe = NodeProcess.Web("probe", new Dictionary<string, string>());
        var publicUrl = webPortProbe.Address.ToString().TrimEnd('/');
        webPortProbe.Dispose();
        settings = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Database__Provider"] = "Postgres",
            ["ConnectionStrings__Summit"] = database!.ConnectionString,
            ["Files__Store"] = "database",
            ["Demo__Seed"] = "true",
            ["Web__PublicUrl"] = publicUrl,
            ["Jobs__QueuePollInterval"] = "00:00:00.250",
            // A killed worker's jobs come back after this (45 s by default); the test asserts the take-over, not the wait.
            ["Jobs__InvisibilityTimeout"] = "00:00:10",
            // Each bulk email is a job, and each worker thread waits for the next poll between them: more threads send the
            // 400 sooner (the test is about the take-over, not the pace).
            ["Jobs__WorkerCount"] = "12",
            ["RateLimits__FormsPerMinute"] = "10000",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        var a = NodeProcess.Web("web-a", new Dictionary<string, string>(settings) { ["Jobs__RunServer"] = "false" });
        var b = NodeProcess.Web("web-b", new Dictionary<string, string>(settings) { ["Jobs__RunServer"] = "false" });
        var worker = NodeProcess.Worker("worker", settings);
        processes.AddRange([a, b, worker]);

        // 1. All three at the same moment on the empty database.
        var clock = Stopwatch.StartNew();
        foreach (var process in processes)
        {
            process.Start();
        }

        await Task.WhenAll(processes.Select(p => p.WaitReadyAsync(TimeSpan.FromMinutes(3))));
        Log($"scale-out: three processes ready {clock.Elapsed.TotalSeconds:F1} s after starting at once on an empty database");

        // 2. Signed in through the balancer: the form from one node, the post to the other, the pages on both.
        using var balancer = new RoundRobin([a, b]);
        using var browser = new HttpClient(balancer, disposeHandler: false) { BaseAddress = a.Address };
        using (var signedIn = await browser.PostAsync("/account/login", new Dictionary<string, string> { ["Input.Email"] = Organizer, ["Input.Password"] = DemoPassword }))
        {
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        }

        foreach (var _ in new[] { a, b })
        {
            using var admin = await browser.GetAsync(new Uri("/admin", UriKind.Relative), Cancel);
            Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        }

        // 3. A photo uploaded through one node is served by both.
        var speakerId = await ScalarAsync<int>("""SELECT "Id" FROM "Speakers" WHERE "Slug" = 'zeng-gang'""");
        var photoPage = $"/admin/speakers/photo/{speakerId}";
        using (var page = await browser.GetAsync(new Uri(photoPage, UriKind.Relative), Cancel))
        using (var content = new MultipartFormDataContent
        {
            { new StringContent(Forms.Token(await page.Content.ReadAsStringAsync(Cancel))), "__RequestVerificationToken" },
            { new StringContent("iChongqing / Vivian Yan"), "Input.Credit" },
            { new StringContent("iChongqing"), "Input.Source" },
            { new StringContent("Used with permission"), "Input.Licence" },
        })
        {
            var bytes = new ByteArrayContent(TestImages.Jpeg(1200, 1500));
            bytes.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            content.Add(bytes, "Input.Photo", "zeng.jpg");
            using var uploaded = await browser.PostAsync(new Uri(photoPage, UriKind.Relative), content, Cancel);
            Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        }

        var key = await ScalarAsync<string>($"""SELECT "Key" FROM "SpeakerPhotos" WHERE "SpeakerId" = {speakerId} ORDER BY "Id" DESC LIMIT 1""");
        using var anonymous = new HttpClient();
        var fromA = await anonymous.GetByteArrayAsync(new Uri(a.Address, $"/media/speakers/{key}/large"), Cancel);
        var fromB = await anonymous.GetByteArrayAsync(new Uri(b.Address, $"/media/speakers/{key}/large"), Cancel);
        Assert.True(fromA.Length > 1000);
        Assert.Equal(fromA, fromB);

        // 4. An article taken off the site on one node leaves the other node's cached session page within 3 s.
        var (articleId, sessionId, headline) = await ArticleOnASessionAsync();
        var sessionPage = $"/2021/sessions/{sessionId}";
        foreach (var node in new[] { a, b })
        {
            for (var i = 0; i < 2; i++)
            {
                Assert.Contains(headline, WebUtility.HtmlDecode(await anonymous.GetStringAsync(new Uri(node.Address, sessionPage), Cancel)), StringComparison.Ordinal);
            }
        }

        using (var article = await browser.GetAsync(new Uri($"/newsroom/{articleId}", UriKind.Relative), Cancel))
        {
            var html = await article.Content.ReadAsStringAsync(Cancel);
            var stamp = System.Text.RegularExpressions.Regex.Match(html, "name=\"stamp\" value=\"([^\"]+)\"").Groups[1].Value;
            using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = Forms.Token(html),
                ["stamp"] = WebUtility.HtmlDecode(stamp),
                ["reason"] = "Scale-out test",
                ["confirmed"] = "yes",
            });
            using var unpublished = await browser.PostAsync(new Uri($"/newsroom/{articleId}?handler=Unpublish", UriKind.Relative), form, Cancel);
            Assert.Equal(HttpStatusCode.Redirect, unpublished.StatusCode);
        }

        var changedOn = balancer.Last;
        var other = changedOn == a ? b : a;
        var seen = Stopwatch.StartNew();
        while (WebUtility.HtmlDecode(await anonymous.GetStringAsync(new Uri(other.Address, sessionPage), Cancel)).Contains(headline, StringComparison.Ordinal) && seen.Elapsed < TimeSpan.FromSeconds(15))
        {
            await Task.Delay(50, Cancel);
        }

        Log($"scale-out: an unpublish on {changedOn.Name} reached {other.Name}'s cached page in {seen.Elapsed.TotalMilliseconds:F0} ms");
        Assert.True(seen.Elapsed < TimeSpan.FromSeconds(3), $"the other node still showed the article after {seen.Elapsed.TotalSeconds:F1} s");

        // 5. A print run the worker renders, downloaded from both web nodes; the worker killed part-way, another one
        // picks the run up within a minute.
        var categoryId = await ManyConfirmedAsync(People);
        using var started = await browser.PostAsync("/admin/registrations/2021/badges", new Dictionary<string, string>
        {
            ["categoryId"] = categoryId.ToString(CultureInfo.InvariantCulture),
            ["layout"] = "FourPerA4",
        });
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var sheet = int.Parse(started.Headers.Location!.OriginalString.Split("sheet=")[1], CultureInfo.InvariantCulture);

        var until = DateTime.UtcNow.AddMinutes(2);
        int done;
        while ((done = await ScalarAsync<int>($"""SELECT "Done" FROM "BadgeSheets" WHERE "Id" = {sheet}""")) < 25 && DateTime.UtcNow < until)
        {
            await Task.Delay(50, Cancel);
        }

        Assert.True(await ScalarAsync<bool>($"""SELECT "FinishedAt" IS NULL FROM "BadgeSheets" WHERE "Id" = {sheet}"""), "the run finished before the worker could be killed");
        worker.Kill();
        var killed = Stopwatch.StartNew();
        Log($"scale-out: worker killed (SIGKILL) with {done} of {People} badges drawn");
        var second = NodeProcess.Worker("worker-2", settings);
        processes.Add(second);
        second.Start();
        await second.WaitReadyAsync(TimeSpan.FromMinutes(2));
        var secondUp = killed.Elapsed;

        // Picked up again: the job starts over, writing its progress from 0.
        until = DateTime.UtcNow.AddMinutes(2);
        while (await ScalarAsync<int>($"""SELECT "Done" FROM "BadgeSheets" WHERE "Id" = {sheet}""") >= done && DateTime.UtcNow < until)
        {
            await Task.Delay(100, Cancel);
        }

        var resumed = killed.Elapsed;
        while (await ScalarAsync<bool>($"""SELECT "FinishedAt" IS NULL FROM "BadgeSheets" WHERE "Id" = {sheet}""") && DateTime.UtcNow < until)
        {
            await Task.Delay(200, Cancel);
        }

        var finished = killed.Elapsed;
        Log($"scale-out: new worker ready {secondUp.TotalSeconds:F1} s after the kill; run picked up again {resumed.TotalSeconds:F1} s after the kill ({(resumed - secondUp).TotalSeconds:F1} s after the new worker was up); finished {finished.TotalSeconds:F1} s after the kill");
        Assert.True(resumed - secondUp <= TimeSpan.FromSeconds(60), $"picked up {(resumed - secondUp).TotalSeconds:F1} s after another worker was up:\n{second.Tail}");
        Assert.False(await ScalarAsync<bool>($"""SELECT "FinishedAt" IS NULL FROM "BadgeSheets" WHERE "Id" = {sheet}"""), $"the run did not finish:\n{second.Tail}");

        foreach (var node in new[] { a, b })
        {
            using var download = await browser.GetAsync(new Uri($"/admin/registrations/2021/badges?handler=download&sheet={sheet}", UriKind.Relative), Cancel);
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            using var pdf = PdfDocument.Open(await download.Content.ReadAsByteArrayAsync(Cancel));
            Assert.Equal(People / 4, pdf.NumberOfPages);
        }

        // 6. A bulk email to the same people: the worker killed while it sends, a new one goes on without waiting for
        // Hangfire's timeout (each message's own lease is taken over), and every person gets exactly one.
        using (var page = await browser.GetAsync(new Uri("/admin/mail/bulk/new/2021", UriKind.Relative), Cancel))
        {
            var html = await page.Content.ReadAsStringAsync(Cancel);
            var requestKey = System.Text.RegularExpressions.Regex.Match(html, "name=\"Input.RequestKey\" value=\"([^\"]+)\"").Groups[1].Value;
            using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = Forms.Token(html),
                ["Input.CategoryId"] = categoryId.ToString(CultureInfo.InvariantCulture),
                ["Input.Status"] = "Confirmed",
                ["Input.SubjectEn"] = "Scale-out bulk",
                ["Input.SubjectZh"] = "扩展测试群发",
                ["Input.BodyEn"] = "Hello {{ name }}, this is the scale-out test.",
                ["Input.BodyZh"] = "{{ name }}，您好：这是扩展测试。",
                ["Input.RequestKey"] = requestKey,
            });
            using var sent = await browser.PostAsync(new Uri("/admin/mail/bulk/new/2021?handler=Send", UriKind.Relative), form, Cancel);
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        }

        const string Sent = """SELECT count(*) FROM "OutgoingMail" WHERE "ToAddress" LIKE 'scale-%' AND "SentAt" IS NOT NULL""";
        until = DateTime.UtcNow.AddMinutes(2);
        long sentBefore;
        while ((sentBefore = await ScalarAsync<long>(Sent)) < 100 && DateTime.UtcNow < until)
        {
            await Task.Delay(20, Cancel);
        }

        second.Kill();
        killed.Restart();
        var third = NodeProcess.Worker("worker-3", settings);
        processes.Add(third);
        third.Start();
        await third.WaitReadyAsync(TimeSpan.FromMinutes(2));
        var thirdUp = killed.Elapsed;
        var atKill = await ScalarAsync<long>(Sent);
        until = DateTime.UtcNow.AddMinutes(3);
        while (await ScalarAsync<long>(Sent) <= atKill && DateTime.UtcNow < until)
        {
            await Task.Delay(50, Cancel);
        }

        var sendingAgain = killed.Elapsed;
        while (await ScalarAsync<long>(Sent) < People && DateTime.UtcNow < until)
        {
            await Task.Delay(200, Cancel);
        }

        var allSent = killed.Elapsed;
        Log($"scale-out: bulk email worker killed with {atKill} of {People} sent; new worker ready {thirdUp.TotalSeconds:F1} s after the kill; sending again {sendingAgain.TotalSeconds:F1} s after the kill; all {People} sent {allSent.TotalSeconds:F1} s after the kill");
        Assert.Equal(People, await ScalarAsync<long>(Sent));
        Assert.Equal(People, await ScalarAsync<long>("""SELECT count(DISTINCT "ToAddress") FROM "OutgoingMail" WHERE "ToAddress" LIKE 'scale-%'"""));
        Assert.Equal(People, await ScalarAsync<long>("""SELECT count(*) FROM "OutgoingMail" WHERE "ToAddress" LIKE 'scale-%'"""));
        Assert.True(sendingAgain - thirdUp <= TimeSpan.FromSeconds(60), $"sending resumed {(sendingAgain - thirdUp).TotalSeconds:F1} s after another worker was up:\n{third.Tail}");
    }

    private async Task<(int ArticleId, int SessionId, string Headline)> ArticleOnASessionAsync()
    {
        await using var connection = new NpgsqlConnection(database!.ConnectionString);
        await connection.OpenAsync(Cancel);
        await using var command = new NpgsqlCommand("""
            SELECT a."Id", s."SessionId", a."HeadlineEn" FROM "Articles" a JOIN "ArticleSession" s ON s."ArticleId" = a."Id"
            WHERE a."FirstPublishedAt" IS NOT NULL AND a."HeadlineEn" IS NOT NULL ORDER BY a."Id" LIMIT 1
            """, connection);
        await using var reader = await command.ExecuteReaderAsync(Cancel);
        Assert.True(await reader.ReadAsync(Cancel), "the demo has no published article on a session");
        return (reader.GetInt32(0), reader.GetInt32(1), reader.GetString(2));
    }

    /// <summary>A category of the demo's 2021 edition with <paramref name="count"/> confirmed registrations, made in this process on the same database.</summary>
    private async Task<int> ManyConfirmedAsync(int count)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Summit"] = database!.ConnectionString,
        }).Build();
        await using var services = new ServiceCollection().AddLogging().AddSummitCore(configuration).BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();
        var data = new TestData(scope.ServiceProvider);
        var category = await data.CategoryAsync(await data.EditionIdAsync("2021"), nameEn: "Scale-out print run");
        await data.ConfirmedRegistrationsAsync(category, count, "scale");
        return category;
    }

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(database!.ConnectionString);
        await connection.OpenAsync(Cancel);
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)Convert.ChangeType((await command.ExecuteScalarAsync(Cancel))!, typeof(T), CultureInfo.InvariantCulture);
    }
}
