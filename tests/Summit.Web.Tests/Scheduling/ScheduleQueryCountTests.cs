using Microsoft.EntityFrameworkCore;
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
        await app.ConsequencesSettledAsync(); // the publishes' and speakers' evictions, which would drop what a count has read

        foreach (var path in new[] { "schedule", "schedule?view=list", "schedule.ics", "schedule.xml", "schedule.json", "sessions/1" })
        {
            var small = await CountStatementsAsync(app, client, $"/2030/{path}");
            var large = await CountStatementsAsync(app, client, $"/2031/{path.Replace("sessions/1", "sessions/21", StringComparison.Ordinal)}");
            Assert.True(small.Count is >= 1 and <= 12, $"/{path}: {small.Count} statements for 20 sessions:\n{string.Join("\n", small.Commands)}");
            Assert.True(small.Count == large.Count, $"/{path}: {small.Count} statements for 20 sessions, {large.Count} for 200.");
        }
    }

    [Fact]
    public async Task Signed_in_the_programme_pages_the_agenda_and_the_state_document_issue_the_same_few_statements_for_5_and_for_100_starred_sessions()
    {
        await using var app = new SummitFactory(DatabaseProvider.Sqlite);
        await SeedAsync(app, "2030", 20);
        await SeedAsync(app, "2031", 200);
        await app.ConsequencesSettledAsync(); // the publishes' and speakers' evictions, which would drop what a count has read
        var few = await app.CreateUserAsync($"few-{Guid.NewGuid():N}@summit.test", Core.Accounts.Roles.Attendee);
        var many = await app.CreateUserAsync($"many-{Guid.NewGuid():N}@summit.test", Core.Accounts.Roles.Speaker);
        await app.ScopedAsync(async services =>
        {
            var agenda = services.GetRequiredService<PersonalAgenda>();
            var db = services.GetRequiredService<SummitDbContext>();
            foreach (var (user, slug, count) in new[] { (few, "2030", 5), (many, "2031", 100) })
            {
                var ids = await db.Sessions.Where(s => db.Editions.Any(e => e.Id == s.EditionId && e.Slug == slug)).OrderBy(s => s.Id).Select(s => s.Id).Take(count).ToListAsync(Cancel);
                foreach (var id in ids)
                {
                    Assert.Null(await agenda.StarAsync(user.Id, id, Cancel));
                }
            }

            return true;
        });
        using var fewClient = app.Browser();
        using var manyClient = app.Browser();
        await fewClient.SignInAsync(few.Email!);
        await manyClient.SignInAsync(many.Email!);

        // A programme is read once per version and node (PublicProgrammes); after that a page rendered afresh (a
        // filter not asked before, anonymously) costs the version number and what the page itself reads.
        using var anonymous = app.Browser();
        foreach (var slug in new[] { "2030", "2031" })
        {
            using var warm = await anonymous.GetAsync(new Uri($"/{slug}/schedule", UriKind.Relative), Cancel);
            Assert.Equal(System.Net.HttpStatusCode.OK, warm.StatusCode);
        }

        foreach (var (smallPath, largePath) in new[] { ("/2030/schedule?view=list", "/2031/schedule?view=list"), ("/2030/sessions/1", "/2031/sessions/21") })
        {
            var small = await CountStatementsAsync(app, anonymous, smallPath);
            var large = await CountStatementsAsync(app, anonymous, largePath);
            Assert.True(small.Count is >= 1 and <= 3, $"{smallPath}: {small.Count} statements rendered anonymously:\n{string.Join("\n", small.Commands)}");
            Assert.True(small.Count == large.Count, $"{smallPath}: {small.Count} statements for 20 sessions, {large.Count} for 200.");
        }

        // Signed in, each first request is a miss too (the signed-in copy, the person's agenda): the render, with the session lookup.
        foreach (var (smallPath, largePath) in new[] { ("/2030/schedule", "/2031/schedule"), ("/2030/sessions/1", "/2031/sessions/21"), ("/my/agenda", "/my/agenda"), ("/my/state.json", "/my/state.json") })
        {
            var small = await CountStatementsAsync(app, fewClient, smallPath);
            var large = await CountStatementsAsync(app, manyClient, largePath);
            Assert.True(small.Count is >= 1 and <= 4, $"{smallPath}: {small.Count} statements signed in:\n{string.Join("\n", small.Commands)}");
            Assert.True(small.Count == large.Count, $"{smallPath}: {small.Count} statements with 5 starred, {large.Count} with 100:\n{string.Join("\n", large.Commands)}");
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
        var (counter, status, _) = await app.CountStatementsAsync(client, path, editionSlug: path.Split('/')[1]);
        Assert.True(status == System.Net.HttpStatusCode.OK, $"{path} answered {(int)status}.");
        return counter;
    }
}
