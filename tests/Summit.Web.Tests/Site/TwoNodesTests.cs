using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Summit.Core.Accounts;
using Summit.Core.Data;
using Summit.Core.Editions;
using Summit.Core.Registrations;
using Summit.Core.Scheduling;
using Summit.Core.Speakers;
using Summit.Testing;
using UglyToad.PdfPig;

namespace Summit.Web.Tests.Site;

/// <summary>
/// Two nodes on one PostgreSQL database, each with its own storage folder and the database file store: a web node
/// that runs no jobs and a node that does (the worker, which serves pages too). What one writes, the other serves;
/// what one changes, the other's cached pages show within 3 s.
/// </summary>
public sealed class TwoNodesTests : IAsyncLifetime
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private PostgresDatabase? database;
    private SummitFactory? web;
    private SummitFactory? worker;

    private SummitFactory Web => web!;

    private SummitFactory Worker => worker!;

    public async ValueTask InitializeAsync()
    {
        database = await PostgresDatabase.CreateAsync(TestEnvironment.RequirePostgres());
        web = Node(runsJobs: false);
        worker = Node(runsJobs: true);
        _ = web.Services;
        _ = worker.Services;
    }

    private SummitFactory Node(bool runsJobs) => new(DatabaseProvider.Postgres, database!.ConnectionString)
    {
        Settings =
        {
            ["Files:Store"] = "database",
            ["Jobs:RunServer"] = runsJobs ? "true" : "false",
        },
    };

    public async ValueTask DisposeAsync()
    {
        foreach (var node in new[] { web, worker })
        {
            if (node is not null)
            {
                await node.DisposeAsync();
            }
        }

        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_photo_uploaded_on_one_node_is_served_by_the_other_with_ranges_and_validators()
    {
        var organizer = await Web.CreateUserAsync($"organizer-{Guid.NewGuid():N}@summit.test", Roles.Organizer);
        using var client = Web.Browser();
        await client.SignInAsync(organizer.Email!);
        var speakerId = await Web.BuildAsync(d => d.SpeakerIdAsync("zeng-gang"));
        var url = $"/admin/speakers/photo/{speakerId}";
        using (var page = await client.GetAsync(new Uri(url, UriKind.Relative), Cancel))
        {
            var token = Forms.Token(await page.Content.ReadAsStringAsync(Cancel));
            using var content = new MultipartFormDataContent
            {
                { new StringContent(token), "__RequestVerificationToken" },
                { new StringContent("iChongqing / Vivian Yan"), "Input.Credit" },
                { new StringContent("iChongqing"), "Input.Source" },
                { new StringContent("Used with permission"), "Input.Licence" },
            };
            var bytes = new ByteArrayContent(TestImages.Jpeg(1600, 2000));
            bytes.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            content.Add(bytes, "Input.Photo", "zeng.jpg");
            using var uploaded = await client.PostAsync(new Uri(url, UriKind.Relative), content, Cancel);
            Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        }

        var key = await Web.WithDbAsync(db => db.SpeakerPhotos.Where(p => p.SpeakerId == speakerId && p.Status == PhotoStatus.Approved).Select(p => p.Key).SingleAsync(Cancel));
        Assert.False(Directory.Exists(Path.Combine(Web.StoragePath, "photos")), "the database store writes no photo folder");

        using var visitor = Worker.Browser();
        using var whole = await visitor.GetAsync(new Uri($"/media/speakers/{key}/large", UriKind.Relative), Cancel);
        Assert.Equal(HttpStatusCode.OK, whole.StatusCode);
        Assert.Equal("image/jpeg", whole.Content.Headers.ContentType!.MediaType);
        var photo = await whole.Content.ReadAsByteArrayAsync(Cancel);
        Assert.Equal(0xFF, photo[0]);
        Assert.Equal(photo.Length, whole.Content.Headers.ContentLength);
        var etag = whole.Headers.ETag!;

        using var range = new HttpRequestMessage(HttpMethod.Get, new Uri($"/media/speakers/{key}/large", UriKind.Relative));
        range.Headers.Range = new RangeHeaderValue(100, 199);
        using var partial = await visitor.SendAsync(range, Cancel);
        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal(photo[100..200], await partial.Content.ReadAsByteArrayAsync(Cancel));

        using var again = new HttpRequestMessage(HttpMethod.Get, new Uri($"/media/speakers/{key}/large", UriKind.Relative));
        again.Headers.IfNoneMatch.Add(etag);
        using var notModified = await visitor.SendAsync(again, Cancel);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
    }

    [Fact]
    public async Task A_print_run_started_on_the_web_node_and_rendered_by_the_worker_downloads_from_the_web_node()
    {
        var category = await Web.ScopedAsync(async s =>
        {
            var editionId = await new TestData(s).EditionIdAsync("2021");
            var id = (await s.GetRequiredService<SaveCategory>().RunAsync(editionId, null, new CategoryDetails("Shared print", "共享印刷", null, null, CategoryKind.General, null, false, false, null, null, 90), Cancel)).CategoryId!.Value;
            var register = s.GetRequiredService<RegisterAttendee>();
            for (var i = 0; i < 3; i++)
            {
                await register.RunAsync(id, new RegistrationDetails("周", $"{"一二三"[i]}", "Chow", $"Guest{i}", false, null, null, $"shared-{i}@summit.test", null, "SG", "en", null, null, false, true, "2026-11"), null, cancellationToken: Cancel);
            }

            return id;
        });
        var organizer = await Web.CreateUserAsync($"organizer-{Guid.NewGuid():N}@summit.test", Roles.Organizer);
        using var client = Web.Browser();
        await client.SignInAsync(organizer.Email!);

        using var started = await client.PostAsync("/admin/registrations/2021/badges", new Dictionary<string, string>
        {
            ["categoryId"] = category.ToString(CultureInfo.InvariantCulture),
            ["layout"] = nameof(BadgeSheetLayout.FourPerA4),
        });
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var sheet = int.Parse(started.Headers.Location!.OriginalString.Split("sheet=")[1], CultureInfo.InvariantCulture);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (await Web.WithDbAsync(db => db.BadgeSheets.Where(s => s.Id == sheet).Select(s => s.FinishedAt).FirstAsync(Cancel)) is null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200, Cancel);
        }

        var bytes = await client.GetByteArrayAsync(new Uri($"/admin/registrations/2021/badges?handler=download&sheet={sheet}", UriKind.Relative), Cancel);
        using var pdf = PdfDocument.Open(bytes);
        Assert.Contains("周三", string.Concat(pdf.GetPage(1).Letters.Select(l => l.Value)), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(Worker.StoragePath, "badge-sheets")), "the worker wrote the run into the database, not its folder");
        Assert.Equal(1, await Web.WithDbAsync(db => db.StoredFiles.CountAsync(f => f.Key == $"badge-sheets/{sheet}.pdf", Cancel)));
    }

    [Fact]
    public async Task A_speakers_new_name_saved_on_one_node_replaces_the_cached_session_page_on_the_other_within_three_seconds()
    {
        var (slug, sessionId, speakerId, editionId) = await PublishedSessionAsync();
        var page = new Uri($"/{slug}/sessions/{sessionId}", UriKind.Relative);
        // The web node caches the page; the worker runs the change's consequence, whose NOTIFY must reach the web node.
        using var visitor = Web.Browser();
        Assert.Contains("Minghua", await visitor.GetStringAsync(page, Cancel), StringComparison.Ordinal);
        Assert.Contains("Minghua", await visitor.GetStringAsync(page, Cancel), StringComparison.Ordinal);

        await Web.ScopedAsync(async s =>
        {
            var saved = await s.GetRequiredService<SaveSpeaker>().RunAsync(speakerId, new SpeakerDetails(
                $"{slug}-li", "李", "明华", "Li", "Mingzhe", true, null, null, "CN", "A test biography.", "测试简介。", null,
                [new PositionDetails("Economist", "经济学家", "Test Bank", "测试银行")], []), [editionId], Cancel);
            Assert.True(saved.Saved);
            return 0;
        });

        var changed = System.Diagnostics.Stopwatch.StartNew();
        string html;
        do
        {
            await Task.Delay(100, Cancel);
            html = await visitor.GetStringAsync(page, Cancel);
        }
        while (!html.Contains("Mingzhe", StringComparison.Ordinal) && changed.Elapsed < TimeSpan.FromSeconds(10));

        Assert.Contains("Mingzhe", html, StringComparison.Ordinal);
        Assert.True(changed.Elapsed < TimeSpan.FromSeconds(3), $"the other node showed the new name after {changed.Elapsed.TotalSeconds:F1} s");
    }

    /// <summary>A new public edition with one published session and its speaker (Latin given name "Minghua").</summary>
    private Task<(string Slug, int SessionId, int SpeakerId, int EditionId)> PublishedSessionAsync() => Web.ScopedAsync(async s =>
    {
        var slug = $"n{Guid.NewGuid():N}"[..10];
        var edition = (await s.GetRequiredService<SaveEdition>().RunAsync(null, new EditionDetails(
            slug, "Two nodes", "两个节点", null, null, new DateOnly(2030, 11, 5), new DateOnly(2030, 11, 6), "Venue", "场地", "Chongqing", "重庆", "Asia/Shanghai", EditionStatus.Open), Cancel)).EditionId!.Value;
        var speaker = await new TestData(s).SpeakerAsync($"{slug}-li", [edition], givenLatin: "Minghua");
        var programme = s.GetRequiredService<SaveProgrammeItem>();
        var venue = (await programme.SaveVenueAsync(edition, null, "Yuelai", "悦来", Cancel)).Id!.Value;
        var room = (await programme.SaveRoomAsync(edition, null, venue, new RoomDetails("Room 1", "一号厅", 50, SessionLanguage.English, null, 1), Cancel)).Id!.Value;
        var type = (await programme.SaveTypeAsync(edition, null, "Panel", "圆桌", false, 1, Cancel)).Id!.Value;
        var session = (await s.GetRequiredService<SaveSession>().RunAsync(edition, null, new SessionDetails(
            "Green bonds", "绿色债券", null, null, type, null, SessionLanguage.English, false, null, [new SessionSpeakerDetails(speaker, SessionSpeakerRole.Speaker)]), Cancel)).SessionId!.Value;
        var start = ScheduleTime.ToUtc(new DateOnly(2030, 11, 5), new TimeOnly(14, 0), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));
        Assert.True((await s.GetRequiredService<ScheduleSession>().PlaceAsync(edition, session, room, start, start.AddHours(1), Cancel)).Succeeded);
        Assert.True((await s.GetRequiredService<PublishSchedule>().RunAsync(edition, null, null, cancellationToken: Cancel)).Succeeded);
        return (slug, session, speaker, edition);
    });

    [Fact]
    public async Task An_article_the_worker_publishes_joins_the_coverage_of_the_web_nodes_cached_session_page_within_three_seconds()
    {
        var (slug, sessionId, _, editionId) = await PublishedSessionAsync();
        var page = new Uri($"/{slug}/sessions/{sessionId}", UriKind.Relative);
        using var visitor = Web.Browser();
        Assert.DoesNotContain("Coverage from two nodes", await visitor.GetStringAsync(page, Cancel), StringComparison.Ordinal);
        Assert.DoesNotContain("Coverage from two nodes", await visitor.GetStringAsync(page, Cancel), StringComparison.Ordinal);

        var writer = await Web.CreateUserAsync($"writer-{Guid.NewGuid():N}@summit.test", Roles.Press);
        using var press = Web.Browser();
        await press.SignInAsync(writer.Email!);
        int article;
        using (var saved = await press.PostAsync("/newsroom/edit", new Dictionary<string, string>
        {
            ["Input.EditionId"] = editionId.ToString(CultureInfo.InvariantCulture),
            ["Input.Kind"] = nameof(Summit.Core.Press.ArticleKind.Report),
            ["Input.Slug"] = $"two-{Guid.NewGuid():N}"[..20],
            ["Input.HeadlineEn"] = "Coverage from two nodes",
            ["Input.LeadEn"] = "The lead.",
            ["Input.BodyEn"] = "The body.",
            ["Input.SessionIds"] = sessionId.ToString(CultureInfo.InvariantCulture),
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            article = int.Parse(System.Text.RegularExpressions.Regex.Match(saved.Headers.Location!.OriginalString, "[0-9]+").Value, CultureInfo.InvariantCulture);
        }

        var editor = new Summit.Core.Press.ArticleActor((await Web.CreateUserAsync($"editor-{Guid.NewGuid():N}@summit.test", Roles.Editor)).Id, "editor@summit.test", "Editor", IsEditor: true);
        Assert.True((await Web.ScopedAsync(s => s.GetRequiredService<Summit.Core.Press.ScheduleArticle>().RunAsync(editor, article, new Summit.Core.Press.PublishTime(DateTimeOffset.UtcNow.AddMinutes(-1)), overrideSignOff: true, cancellationToken: Cancel))).Succeeded);
        // As the worker's minutely job does.
        Assert.Contains(article, await Worker.ScopedAsync(s => s.GetRequiredService<Summit.Core.Press.PublishDueArticles>().RunAsync(Cancel)));

        var published = System.Diagnostics.Stopwatch.StartNew();
        string html;
        do
        {
            await Task.Delay(100, Cancel);
            html = await visitor.GetStringAsync(page, Cancel);
        }
        while (!html.Contains("Coverage from two nodes", StringComparison.Ordinal) && published.Elapsed < TimeSpan.FromSeconds(10));

        Assert.Contains("Coverage from two nodes", html, StringComparison.Ordinal);
        Assert.True(published.Elapsed < TimeSpan.FromSeconds(3), $"the web node showed the article after {published.Elapsed.TotalSeconds:F1} s");
    }
}
