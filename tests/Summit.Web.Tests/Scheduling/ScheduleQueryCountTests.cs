using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Summit.Core.Data;
using Summit.Core.Editions;
using Summit.Core.Scheduling;
using Summit.Core.Speakers;
using Summit.Testing;

namespace Summit.Web.Tests.Scheduling;

/// <summary>The schedule page and the exports cost the same number of SQL statements for 20 sessions as for 200 (an N+1 read would cost 180 more).</summary>
public sealed class ScheduleQueryCountTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_schedule_page_and_exports_issue_the_same_number_of_statements_for_20_and_for_200_sessions()
    {
        await using var app = new SummitFactory(DatabaseProvider.Sqlite);
        using var client = app.Browser();
        await SeedAsync(app, "2030", 20);
        await SeedAsync(app, "2031", 200);

        foreach (var path in new[] { "schedule", "schedule?view=list", "schedule.ics", "schedule.xml", "schedule.json", "sessions/1" })
        {
            var small = await CountStatementsAsync(app, client, $"/2030/{path}");
            var large = await CountStatementsAsync(app, client, $"/2031/{path.Replace("sessions/1", "sessions/21", StringComparison.Ordinal)}");
            Assert.True(small.Count is >= 1 and <= 12, $"/{path}: {small.Count} statements for 20 sessions:\n{string.Join("\n", small.Commands)}");
            Assert.True(small.Count == large.Count, $"/{path}: {small.Count} statements for 20 sessions, {large.Count} for 200.");
        }
    }

    private static async Task SeedAsync(SummitFactory app, string slug, int sessions)
    {
        using var scope = app.Services.CreateScope();
        var services = scope.ServiceProvider;
        var saved = await services.GetRequiredService<SaveEdition>().RunAsync(null, new EditionDetails(
            slug, $"CCI-FS {slug}", $"{slug}中新金融峰会", null, null, new DateOnly(2030, 11, 1), new DateOnly(2030, 11, 2),
            "Venue", "场地", "Chongqing", "重庆", "Asia/Shanghai", EditionStatus.Open), Cancel);
        var editionId = saved.EditionId!.Value;
        var items = services.GetRequiredService<SaveProgrammeItem>();
        var venue = (await items.SaveVenueAsync(editionId, null, "Centre", "中心", Cancel)).Id!.Value;
        var rooms = new List<int>();
        for (var r = 0; r < 10; r++)
        {
            rooms.Add((await items.SaveRoomAsync(editionId, null, venue, new RoomDetails($"Room {r}", $"{r}号厅", 200, SessionLanguage.English, "EN↔ZH", r), Cancel)).Id!.Value);
        }

        var track = (await items.SaveTrackAsync(editionId, null, "Green finance", "绿色金融", "#2e7d32", 1, Cancel)).Id!.Value;
        var type = (await items.SaveTypeAsync(editionId, null, "Panel", "圆桌对话", false, 1, Cancel)).Id!.Value;
        var speakers = new List<int>();
        for (var s = 0; s < 20; s++)
        {
            var speaker = await services.GetRequiredService<SaveSpeaker>().RunAsync(null, new SpeakerDetails(
                $"{slug}-speaker-{s}", "王", $"{s}", "Wang", $"Number{s}", true, null, null, "CN", null, null, null,
                [new PositionDetails("Economist", "经济学家", $"Bank {s}", $"银行{s}")], []), [editionId], Cancel);
            speakers.Add(speaker.SpeakerId!.Value);
        }

        var save = services.GetRequiredService<SaveSession>();
        var schedule = services.GetRequiredService<ScheduleSession>();
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        for (var i = 0; i < sessions; i++)
        {
            // Ten rooms side by side, half-hour slots from 08:00 over two days; each slot's ten sessions have twenty different speakers.
            var (day, slot, room) = (i / 250, i % 250 / 10, i % 10);
            var session = await save.RunAsync(editionId, null, new SessionDetails(
                $"Session {i}", $"第{i}场", $"About **{i}**.", $"关于{i}。", type, track, SessionLanguage.English, true, null,
                [new(speakers[room], SessionSpeakerRole.Speaker), new(speakers[10 + room], SessionSpeakerRole.Moderator)]), Cancel);
            Assert.True(session.Saved, string.Join("; ", session.Refusals.Select(r => r.Message)));
            var start = ScheduleTime.ToUtc(new DateOnly(2030, 11, 1).AddDays(day), new TimeOnly(8, 0).AddMinutes(30 * slot), zone);
            var placed = await schedule.PlaceAsync(editionId, session.SessionId!.Value, rooms[room], start, start.AddMinutes(30), Cancel);
            Assert.True(placed.Succeeded, string.Join("; ", placed.Refusals.Select(r => r.Message)));
        }

        var published = await services.GetRequiredService<PublishSchedule>().RunAsync(editionId, null, null, cancellationToken: Cancel);
        Assert.True(published.Succeeded);
    }

    private static async Task<StatementCounter> CountStatementsAsync(SummitFactory app, HttpClient client, string path)
    {
        // The latest version number is cached for two seconds: forgotten first, each request looks it up, however
        // long the previous one took on a busy machine.
        app.Services.GetRequiredService<Summit.Web.Scheduling.ProgrammeVersions>().Forget(path.Split('/')[1]);
        var counter = new StatementCounter(app.StoragePath);
        using (DiagnosticListener.AllListeners.Subscribe(counter))
        using (counter.Measure())
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Cancel);
            Assert.True(response.StatusCode == System.Net.HttpStatusCode.OK, $"{path} answered {(int)response.StatusCode}.");
        }

        return counter;
    }
}
