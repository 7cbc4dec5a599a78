using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Xml;
using Json.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Summit.Core.Accounts;
using Summit.Core.Data;
using Summit.Core.Scheduling;
using Summit.Testing;

namespace Summit.Web.Tests.Scheduling;

/// <summary>The programme through HTTP as organizers, the public, calendar apps and schedule apps meet it, on the demo edition.</summary>
public abstract class ScheduleTests<TApp>(TApp app) where TApp : SummitApp
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static string SchemaFolder => C3vocSchemas.Folder;

    protected SummitFactory App => app.Factory;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("")]
    [InlineData("?lang=zh")]
    public async Task The_published_schedule_xml_validates_against_the_c3voc_schema(string query)
    {
        using var client = App.Browser();
        var xml = await client.GetStringAsync(new Uri("/2021/schedule.xml" + query, UriKind.Relative), Cancel);

        var errors = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, DtdProcessing = DtdProcessing.Prohibit };
        settings.Schemas.Add(null, Path.Combine(SchemaFolder, "schedule.xml.xsd"));
        settings.ValidationEventHandler += (_, e) => errors.Add($"{e.Severity}: {e.Message} (line {e.Exception?.LineNumber})");
        using (var reader = XmlReader.Create(new StringReader(xml), settings))
        {
            while (reader.Read())
            {
            }
        }

        Assert.Empty(errors);
        Assert.Contains(query.Length == 0 ? "Main Hall" : "主会场", xml, StringComparison.Ordinal);
        Assert.True(CountOf(xml, "<event ") >= 50, "The demo programme's sessions are in the export.");
    }

    [Fact]
    public async Task The_published_schedule_json_validates_against_the_c3voc_schema_in_both_languages_with_the_same_guids()
    {
        using var client = App.Browser();
        var schema = C3vocSchemas.Json.Value;
        var guids = new List<string[]>();
        foreach (var query in new[] { "", "?lang=zh" })
        {
            var json = await client.GetStringAsync(new Uri("/2021/schedule.json" + query, UriKind.Relative), Cancel);
            var document = JsonNode.Parse(json)!;

            var result = schema.Evaluate(System.Text.Json.JsonDocument.Parse(json).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });

            Assert.True(result.IsValid, string.Join("\n", (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")).Take(20)));
            var days = document["schedule"]!["conference"]!["days"]!.AsArray();
            guids.Add(days.SelectMany(d => d!["rooms"]!.AsObject().SelectMany(r => r.Value!.AsArray().Select(e => e!["guid"]!.GetValue<string>()))).Order().ToArray());
            // One ISO 639-1 code per session, as the format's readers expect ("en", never "en,zh").
            var languages = days.SelectMany(d => d!["rooms"]!.AsObject().SelectMany(r => r.Value!.AsArray().Select(e => e!["language"]!.GetValue<string>()))).Distinct().ToList();
            Assert.All(languages, l => Assert.Matches("^(en|zh)$", l));
        }

        Assert.NotEmpty(guids[0]);
        Assert.Equal(guids[0], guids[1]);
    }

    [Fact]
    public async Task Schedule_apps_and_calendars_get_an_abstract_as_plain_text_not_its_Markdown()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var (slug, sessionId) = await App.ScopedAsync(async s =>
        {
            var edition = (await s.GetRequiredService<Core.Editions.SaveEdition>().RunAsync(null, new Core.Editions.EditionDetails(
                $"m{tag}", "Markdown edition", "格式测试届", null, null, new DateOnly(2030, 11, 5), new DateOnly(2030, 11, 6), "Venue", "场地", "Chongqing", "重庆", "Asia/Shanghai", Core.Editions.EditionStatus.Open), Cancel)).EditionId!.Value;
            var programme = s.GetRequiredService<SaveProgrammeItem>();
            var venue = (await programme.SaveVenueAsync(edition, null, "Yuelai", "悦来", Cancel)).Id!.Value;
            var hall = (await programme.SaveRoomAsync(edition, null, venue, new RoomDetails("Jialing Hall", "嘉陵厅", 200, SessionLanguage.English, null, 1), Cancel)).Id!.Value;
            var type = (await programme.SaveTypeAsync(edition, null, "Panel", "圆桌", false, 1, Cancel)).Id!.Value;
            var id = (await s.GetRequiredService<SaveSession>().RunAsync(edition, null, new SessionDetails(
                "Green bonds", "绿色债券", "**Green bonds** for _western_ China: see [the report](https://example.org/report).", null, type, null, SessionLanguage.English, false, 50, []), Cancel)).SessionId!.Value;
            var nine = ScheduleTime.ToUtc(new DateOnly(2030, 11, 5), new TimeOnly(9, 0), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));
            Assert.True((await s.GetRequiredService<ScheduleSession>().PlaceAsync(edition, id, hall, nine, nine.AddHours(1), Cancel)).Succeeded);
            Assert.True((await s.GetRequiredService<PublishSchedule>().RunAsync(edition, null, null, cancellationToken: Cancel)).Succeeded);
            return ($"m{tag}", id);
        });
        const string plain = "Green bonds for western China: see the report.";
        using var client = App.Browser();

        var json = JsonNode.Parse(await client.GetStringAsync(new Uri($"/{slug}/schedule.json", UriKind.Relative), Cancel))!;
        var xml = System.Xml.Linq.XDocument.Parse(await client.GetStringAsync(new Uri($"/{slug}/schedule.xml", UriKind.Relative), Cancel));
        var calendar = Assert.Single(Ical.Net.Calendar.Load(await client.GetStringAsync(new Uri($"/{slug}/sessions/{sessionId}.ics", UriKind.Relative), Cancel))!.Events);

        var events = json["schedule"]!["conference"]!["days"]!.AsArray().SelectMany(d => d!["rooms"]!.AsObject().SelectMany(r => r.Value!.AsArray())).ToList();
        Assert.Equal(plain, Assert.Single(events)!["abstract"]!.GetValue<string>());
        Assert.Equal(plain, Assert.Single(xml.Descendants("abstract")).Value);
        Assert.Contains(plain, calendar.Description, StringComparison.Ordinal);
        Assert.DoesNotContain("**", calendar.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_draft_move_is_invisible_to_the_public_until_published_and_then_keeps_its_uid_with_a_higher_sequence()
    {
        var session = await PickSessionAsync(skip: 3);
        var target = Day2(20, 0);
        using var anonymous = App.Browser();
        var before = await SessionCalendarAsync(anonymous, session.Id);
        var pageBefore = await anonymous.GetStringAsync(new Uri($"/2021/sessions/{session.Id}", UriKind.Relative), Cancel);

        using var organizer = await OrganizerAsync();
        using var moved = await PlaceAsync(organizer, session.Id, await MainHallAsync(), target, target.AddMinutes(45));
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);

        // A query the cache has not seen, so the pages are rendered from the database again, not replayed.
        var draftPage = await anonymous.GetStringAsync(new Uri($"/2021/sessions/{session.Id}?after-move", UriKind.Relative), Cancel);
        Assert.DoesNotContain("20:00", draftPage, StringComparison.Ordinal);
        Assert.Equal(Strip(pageBefore), Strip(draftPage.Replace("?after-move", "", StringComparison.Ordinal)));
        Assert.Equal(before.DtStart!.Value, (await SessionCalendarAsync(anonymous, session.Id, "?after-move")).DtStart!.Value);
        var draftExport = await anonymous.GetStringAsync(new Uri("/2021/schedule.xml?after-move", UriKind.Relative), Cancel);
        Assert.DoesNotContain("<date>2021-11-06T20:00:00+08:00</date>", draftExport, StringComparison.Ordinal);

        await PublishAsync(organizer);

        var after = await SessionCalendarAsync(anonymous, session.Id);
        Assert.Equal(before.Uid, after.Uid);
        Assert.Equal(before.Sequence + 1, after.Sequence);
        Assert.Equal("Asia/Shanghai", after.DtStart!.TzId);
        Assert.Equal(new DateTime(2021, 11, 6, 20, 0, 0), after.DtStart.Value);
        Assert.NotNull(after.LastModified);
        var publicPage = await anonymous.GetStringAsync(new Uri($"/2021/sessions/{session.Id}", UriKind.Relative), Cancel);
        Assert.Contains("20:00", publicPage, StringComparison.Ordinal);
        var changelog = await anonymous.GetStringAsync(new Uri("/2021/schedule/changelog", UriKind.Relative), Cancel);
        Assert.Contains(WebUtility.HtmlEncode(session.TitleEn), changelog, StringComparison.Ordinal);
        Assert.Contains("2021-11-06 20:00", changelog, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cancelled_session_stays_in_the_calendar_as_cancelled_after_publishing()
    {
        var session = await PickSessionAsync(skip: 5);
        using var organizer = await OrganizerAsync();
        using (var asked = await organizer.PostAsync($"/admin/programme/2021/sessions/{session.Id}/place", new Dictionary<string, string>(), $"/admin/programme/2021/sessions/{session.Id}/place?handler=cancel"))
        {
            Assert.Contains("At the next publication it shows as cancelled", await asked.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
            Assert.False(await App.WithDbAsync(db => db.Sessions.Where(s => s.Id == session.Id).Select(s => s.IsCancelled).FirstAsync(Cancel)));
        }

        using var cancelled = await organizer.PostAsync($"/admin/programme/2021/sessions/{session.Id}/place", new Dictionary<string, string> { ["confirmed"] = "yes" }, $"/admin/programme/2021/sessions/{session.Id}/place?handler=cancel");
        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        await PublishAsync(organizer);

        using var anonymous = App.Browser();
        var calendar = Ical.Net.Calendar.Load(await anonymous.GetStringAsync(new Uri("/2021/schedule.ics", UriKind.Relative), Cancel))!;
        var found = Assert.Single(calendar.Events, e => e.Uid!.StartsWith(session.Uid.ToString("D"), StringComparison.Ordinal));
        Assert.Equal("CANCELLED", found.Status);
        Assert.NotEmpty(calendar.TimeZones);
        var page = await anonymous.GetStringAsync(new Uri($"/2021/sessions/{session.Id}", UriKind.Relative), Cancel);
        Assert.Contains("This session has been cancelled.", page, StringComparison.Ordinal);

        // Schedule apps have no cancelled state: as pretalx does, the session leaves schedule.xml and .json, in both languages.
        foreach (var query in new[] { "", "?lang=zh" })
        {
            var xml = System.Xml.Linq.XDocument.Parse(await anonymous.GetStringAsync(new Uri("/2021/schedule.xml" + query, UriKind.Relative), Cancel));
            Assert.DoesNotContain(xml.Descendants("event"), e => (string?)e.Attribute("guid") == session.Uid.ToString("D"));
            Assert.NotEmpty(xml.Descendants("event"));
            var json = await anonymous.GetStringAsync(new Uri("/2021/schedule.json" + query, UriKind.Relative), Cancel);
            Assert.DoesNotContain(session.Uid.ToString("D"), json, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_crafted_move_that_double_books_a_speaker_is_refused_through_the_form_and_changes_nothing()
    {
        // A panel in progress, one of its speakers, and a room that is free at that time.
        var busy = await PickSessionAsync(skip: 7);
        var speakerId = busy.SpeakerIds[0];
        var freeRoom = await App.WithDbAsync(db => db.Rooms
            .Where(r => r.EditionId == busy.EditionId && !db.Sessions.Any(s => s.RoomId == r.Id && !s.IsCancelled && s.StartsAt < busy.EndsAt && busy.StartsAt < s.EndsAt))
            .Select(r => r.Id).FirstAsync(Cancel));
        var other = await App.ScopedAsync(async services =>
        {
            var db = services.GetRequiredService<SummitDbContext>();
            var type = await db.SessionTypes.Where(t => t.EditionId == busy.EditionId && !t.IsBreak).Select(t => t.Id).FirstAsync(Cancel);
            var saved = await services.GetRequiredService<SaveSession>().RunAsync(busy.EditionId, null, new SessionDetails(
                "Side meeting", "会外会议", null, null, type, null, SessionLanguage.English, false, null, [new(speakerId, SessionSpeakerRole.Speaker)]), Cancel);
            Assert.True(saved.Saved);
            return saved.SessionId!.Value;
        });
        var start = ScheduleTime.Local(busy.StartsAt, Shanghai);

        using var organizer = await OrganizerAsync();
        using var response = await PlaceAsync(organizer, other, freeRoom, start.DateTime, start.DateTime.AddMinutes(30));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Cancel));
        Assert.Contains($"is already on “{busy.TitleEn}”", html, StringComparison.Ordinal);
        var stored = await App.WithDbAsync(db => db.Sessions.AsNoTracking().FirstAsync(s => s.Id == other, Cancel));
        Assert.Null(stored.RoomId);
        Assert.Null(stored.StartsAt);
    }

    [Fact]
    public async Task Publishing_is_refused_when_the_working_copy_changed_after_the_page_was_opened()
    {
        var mine = await PickSessionAsync(skip: 13);
        var theirs = await PickSessionAsync(skip: 14);
        using var organizer = await OrganizerAsync();
        using var colleague = await OrganizerAsync();
        using var myMove = await PlaceAsync(organizer, mine.Id, await MainHallAsync(), Day2(20, 45), Day2(21, 0));
        Assert.Equal(HttpStatusCode.Redirect, myMove.StatusCode);
        var seen = await EditorRevisionAsync(organizer);
        Assert.NotEmpty(seen);
        using var moved = await PlaceAsync(colleague, theirs.Id, await MainHallAsync(), Day2(21, 30), Day2(21, 45));
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        var versions = await App.WithDbAsync(db => db.ScheduleVersions.CountAsync(Cancel));

        using var stale = await organizer.PostAsync("/admin/programme/2021", new Dictionary<string, string> { ["Revision"] = seen }, "/admin/programme/2021?handler=publish");

        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains(PublishSchedule.Reasons.Stale, WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync(Cancel)), StringComparison.Ordinal);
        Assert.Equal(versions, await App.WithDbAsync(db => db.ScheduleVersions.CountAsync(Cancel)));
        await PublishAsync(organizer);
        Assert.Equal(versions + 1, await App.WithDbAsync(db => db.ScheduleVersions.CountAsync(Cancel)));
    }

    [Theory]
    [InlineData("1900-01-01")]
    [InlineData("0001-01-01")]
    [InlineData("2021-11-09")]
    public async Task A_crafted_day_outside_the_edition_is_refused_on_the_form_and_changes_nothing(string day)
    {
        var session = await PickSessionAsync(skip: 15);
        using var organizer = await OrganizerAsync();

        using var response = await organizer.PostAsync($"/admin/programme/2021/sessions/{session.Id}/place", new Dictionary<string, string>
        {
            ["Input.RoomId"] = session.RoomId.ToString(CultureInfo.InvariantCulture),
            ["Input.Day"] = day,
            ["Input.Start"] = "09:00",
            ["Input.End"] = "10:00",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Choose a day of the edition.", await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        var stored = await App.WithDbAsync(db => db.Sessions.AsNoTracking().FirstAsync(s => s.Id == session.Id, Cancel));
        Assert.Equal(session.StartsAt, stored.StartsAt);
    }

    [Theory]
    [InlineData(Roles.Attendee)]
    [InlineData(Roles.Speaker)]
    [InlineData(Roles.Press)]
    public async Task People_who_are_not_organizers_cannot_move_or_publish_by_posting_the_forms(string role)
    {
        var session = await PickSessionAsync(skip: 17);
        var user = await App.CreateUserAsync($"{role}-{Guid.NewGuid():N}@summit.test", role);
        using var client = App.Browser();
        await client.SignInAsync(user.Email!);
        var token = Forms.Token(await client.GetStringAsync(new Uri("/contact", UriKind.Relative), Cancel));
        var versions = await App.WithDbAsync(db => db.ScheduleVersions.CountAsync(Cancel));

        foreach (var (path, fields) in new[]
                 {
                     ($"/admin/programme/2021/sessions/{session.Id}/place", new Dictionary<string, string> { ["Input.RoomId"] = session.RoomId.ToString(CultureInfo.InvariantCulture), ["Input.Day"] = "2021-11-06", ["Input.Start"] = "22:00", ["Input.End"] = "22:30" }),
                     ($"/admin/programme/2021/sessions/{session.Id}/place?handler=cancel", new Dictionary<string, string>()),
                     ("/admin/programme/2021?handler=publish", new Dictionary<string, string>()),
                 })
        {
            using var content = new FormUrlEncodedContent(new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token });
            using var response = await client.PostAsync(new Uri(path, UriKind.Relative), content, Cancel);
            Assert.True(
                response.StatusCode == HttpStatusCode.Forbidden || response.Headers.Location?.OriginalString.Contains("/account/access-denied", StringComparison.Ordinal) == true,
                $"{path} answered {(int)response.StatusCode} to a {role}.");
        }

        var stored = await App.WithDbAsync(db => db.Sessions.AsNoTracking().FirstAsync(s => s.Id == session.Id, Cancel));
        Assert.Equal((session.StartsAt, false), (stored.StartsAt!.Value, stored.IsCancelled));
        Assert.Equal(versions, await App.WithDbAsync(db => db.ScheduleVersions.CountAsync(Cancel)));
    }

    [Fact]
    public async Task A_room_clash_is_refused_with_the_session_that_holds_the_room()
    {
        var holder = await PickSessionAsync(skip: 9);
        var mover = await PickSessionAsync(skip: 30);
        var start = ScheduleTime.Local(holder.StartsAt, Shanghai);
        using var organizer = await OrganizerAsync();

        using var response = await PlaceAsync(organizer, mover.Id, holder.RoomId, start.DateTime.AddMinutes(15), start.DateTime.AddMinutes(45));

        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Cancel));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"is already used by “{holder.TitleEn}”", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_printed_programme_is_a_pdf_with_the_latin_and_chinese_fonts_embedded_and_chinese_names_encoded()
    {
        using var client = App.Browser();
        byte[]? pdf = null;
        // The render is a job after the demo's start; on a busy CI machine it has taken over 30 s.
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (pdf is null && DateTime.UtcNow < deadline)
        {
            using var response = await client.GetAsync(new Uri("/2021/programme.pdf", UriKind.Relative), Cancel);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
                pdf = await response.Content.ReadAsByteArrayAsync(Cancel);
            }
            else
            {
                // Not rendered yet: the visitor is sent to a page that explains and retries.
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                Assert.Equal("/2021/programme", response.Headers.Location?.OriginalString);
                var waiting = await client.GetAsync(new Uri("/2021/programme", UriKind.Relative), Cancel);
                Assert.True(waiting.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect);
                await Task.Delay(200, Cancel);
            }
        }

        Assert.NotNull(pdf);
        using (var text = UglyToad.PdfPig.PdfDocument.Open(pdf))
        {
            // The venue line names the city once in Chinese: 重庆悦来国际会议中心, never 重庆重庆….
            var cover = string.Concat(text.GetPage(1).Letters.Select(l => l.Value));
            Assert.Contains("重庆悦来国际会议中心", cover, StringComparison.Ordinal);
            Assert.DoesNotContain("重庆重庆", cover, StringComparison.Ordinal);

            // Past the cover, every page names its day in the running head, and each day's sessions run in time order.
            var days = new[] { new DateOnly(2021, 11, 5), new DateOnly(2021, 11, 6) }.Select(d => Jobs.Scheduling.ProgrammePdf.DayTitle(d).Replace(" ", "", StringComparison.Ordinal)).ToList();
            var previous = (Day: -1, Start: "");
            foreach (var page in text.GetPages().Skip(1))
            {
                var letters = string.Concat(page.Letters.Select(l => l.Value)).Replace(" ", "", StringComparison.Ordinal);
                var day = days.FindIndex(d => letters.Contains(d, StringComparison.Ordinal));
                Assert.True(day >= 0, $"Page {page.Number} names no day: {letters[..Math.Min(120, letters.Length)]}");
                foreach (System.Text.RegularExpressions.Match time in System.Text.RegularExpressions.Regex.Matches(letters, "(\\d\\d:\\d\\d)–\\d\\d:\\d\\d"))
                {
                    var at = days.FindLastIndex(d => letters.IndexOf(d, StringComparison.Ordinal) is >= 0 and var i && i < time.Index);
                    var current = (Day: Math.Max(day, at), Start: time.Groups[1].Value);
                    Assert.True(current.Day > previous.Day || string.CompareOrdinal(current.Start, previous.Start) >= 0, $"Page {page.Number}: {current.Start} after {previous.Start}.");
                    previous = current;
                }
            }
        }

        var (exit, report) = await Qpdf.CheckAsync(pdf);
        Assert.True(exit == 0, report);

        using var document = PdfSharp.Pdf.IO.PdfReader.Open(new MemoryStream(pdf), PdfSharp.Pdf.IO.PdfDocumentOpenMode.Import);
        Assert.True(document.PageCount >= 3, $"{document.PageCount} pages for some sixty sessions.");
        var fonts = new Dictionary<string, string>();
        foreach (var page in document.Pages)
        {
            var resources = page.Elements.GetDictionary("/Resources")?.Elements.GetDictionary("/Font");
            foreach (var name in resources?.Elements.Keys ?? [])
            {
                var font = resources!.Elements.GetDictionary(name)!;
                var unicode = font.Elements.GetDictionary("/ToUnicode")?.Stream?.UnfilteredValue ?? [];
                fonts[font.Elements.GetName("/BaseFont")] = System.Text.Encoding.ASCII.GetString(unicode);
            }
        }

        Assert.Contains(fonts.Keys, f => f.EndsWith("+DejaVu Sans", StringComparison.Ordinal));
        var cjk = Assert.Single(fonts, f => f.Key.EndsWith("+Droid Sans Fallback", StringComparison.Ordinal));
        // 曾 (U+66FE) and 刚 (U+521A), of Zeng Gang, are mapped in the Chinese font: they were not written as "?".
        Assert.Contains("66FE", cjk.Value.ToUpperInvariant(), StringComparison.Ordinal);
        Assert.Contains("521A", cjk.Value.ToUpperInvariant(), StringComparison.Ordinal);
        Assert.InRange(pdf.Length, 10_000, 2_000_000);
    }

    [Fact]
    public async Task The_programme_api_lists_sessions_rooms_and_tracks_and_answers_problem_details_for_an_unknown_edition()
    {
        using var client = App.Browser();
        var sessions = JsonNode.Parse(await client.GetStringAsync(new Uri("/api/v1/editions/2021/sessions", UriKind.Relative), Cancel))!;
        Assert.Equal("Asia/Shanghai", sessions["timeZone"]!.GetValue<string>());
        Assert.True(sessions["items"]!.AsArray().Count >= 60);
        Assert.Contains(sessions["items"]!.AsArray(), s => s!["speakers"]!.AsArray().Any(p => p!["slug"]!.GetValue<string>() == "zeng-gang"));
        var rooms = JsonNode.Parse(await client.GetStringAsync(new Uri("/api/v1/editions/2021/rooms", UriKind.Relative), Cancel))!.AsArray();
        Assert.Contains(rooms, r => r!["nameZh"]!.GetValue<string>() == "主会场");
        var tracks = JsonNode.Parse(await client.GetStringAsync(new Uri("/api/v1/editions/2021/tracks", UriKind.Relative), Cancel))!.AsArray();
        Assert.True(tracks.Count >= 4);

        using var missing = await client.GetAsync(new Uri("/api/v1/editions/1999/sessions", UriKind.Relative), Cancel);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_schedule_page_offers_days_filters_and_the_viewers_time_zone()
    {
        using var client = App.Browser();
        var page = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/2021/schedule?day=2021-11-06&view=list&tz=Europe/London", UriKind.Relative), Cancel));
        Assert.Contains("UTC+00:00 Europe/London", page, StringComparison.Ordinal);
        Assert.Contains(">01:00<", page, StringComparison.Ordinal);

        var zeng = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/2021/schedule?day=2021-11-05&view=list", UriKind.Relative), Cancel));
        Assert.Contains("Zeng Gang", zeng, StringComparison.Ordinal);
        Assert.Contains("UTC+08:00 Asia/Shanghai", zeng, StringComparison.Ordinal);

        using var unknown = await client.GetAsync(new Uri("/1999/schedule", UriKind.Relative), Cancel);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task An_attendee_stars_a_session_and_reads_it_in_a_private_feed_that_can_be_revoked()
    {
        var session = await PickSessionAsync(skip: 11);
        var user = await App.CreateUserAsync($"attendee-{Guid.NewGuid():N}@summit.test", Roles.Attendee);
        using var client = App.Browser();
        await client.SignInAsync(user.Email!);

        // The session page is one copy for everyone signed in: no token in it, its star (without script) asks on a page of its own.
        var sessionPage = await client.GetStringAsync(new Uri($"/2021/sessions/{session.Id}", UriKind.Relative), Cancel);
        Assert.DoesNotContain("__RequestVerificationToken", sessionPage, StringComparison.Ordinal);
        Assert.Contains($"action=\"/my/agenda/star/{session.Id}\"", sessionPage, StringComparison.Ordinal);
        Assert.Contains("This session is not in your agenda yet.", await client.GetStringAsync(new Uri($"/my/agenda/star/{session.Id}", UriKind.Relative), Cancel), StringComparison.Ordinal);
        using var starred = await client.PostAsync($"/my/agenda/star/{session.Id}?returnUrl=/my/agenda", new Dictionary<string, string> { ["sessionId"] = session.Id.ToString(CultureInfo.InvariantCulture), ["returnUrl"] = "/my/agenda" }, "/my/agenda?handler=star");
        Assert.Equal(HttpStatusCode.Redirect, starred.StatusCode);
        Assert.Equal("/my/agenda", starred.Headers.Location!.OriginalString);
        Assert.Contains("This session is in your agenda.", await client.GetStringAsync(new Uri($"/my/agenda/star/{session.Id}", UriKind.Relative), Cancel), StringComparison.Ordinal);
        var agenda = await client.GetStringAsync(new Uri("/my/agenda", UriKind.Relative), Cancel);
        Assert.Contains(WebUtility.HtmlEncode(session.TitleEn), agenda, StringComparison.Ordinal);

        using var made = await client.PostAsync("/my/agenda", new Dictionary<string, string>(), "/my/agenda?handler=newFeed");
        Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        var withUrl = await client.GetStringAsync(new Uri("/my/agenda", UriKind.Relative), Cancel);
        var feed = new Uri(System.Text.RegularExpressions.Regex.Match(withUrl, "https://localhost/feeds/agenda/[0-9a-f]+\\.ics").Value);
        using var anonymous = App.Browser();
        var calendar = Ical.Net.Calendar.Load(await anonymous.GetStringAsync(new Uri(feed.PathAndQuery, UriKind.Relative), Cancel))!;
        Assert.Contains(calendar.Events, e => e.Uid!.StartsWith(session.Uid.ToString("D"), StringComparison.Ordinal));
        Assert.Contains($"href=\"webcal://localhost{feed.AbsolutePath}\"", withUrl, StringComparison.Ordinal);
        var later = await client.GetStringAsync(new Uri("/my/agenda", UriKind.Relative), Cancel);
        Assert.DoesNotContain("/feeds/agenda/", later, StringComparison.Ordinal);
        Assert.Contains("Show my feed address", later, StringComparison.Ordinal);

        // Asked for, the same address comes back (on that answer only, never stored by the browser).
        using (var shown = await client.PostAsync("/my/agenda", new Dictionary<string, string>(), "/my/agenda?handler=showFeed"))
        {
            Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
            Assert.True(shown.Headers.CacheControl?.NoStore, "The answer with the address may be stored.");
            var again = await shown.Content.ReadAsStringAsync(Cancel);
            Assert.Contains($"value=\"{feed.AbsoluteUri}\"", again, StringComparison.Ordinal);
            Assert.Contains($"href=\"webcal://localhost{feed.AbsolutePath}\"", again, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(feed.AbsolutePath.Split('/')[^1].Split('.')[0], await App.WithDbAsync(db => db.AgendaFeeds.Where(f => f.UserId == user.Id).Select(f => f.ProtectedToken!).SingleAsync(Cancel)), StringComparison.Ordinal);

        using var revoked = await client.PostAsync("/my/agenda", new Dictionary<string, string>(), "/my/agenda?handler=revokeFeed");
        using var gone = await anonymous.GetAsync(new Uri(feed.PathAndQuery, UriKind.Relative), Cancel);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task Everyone_signed_in_gets_one_copy_of_the_schedule_and_their_own_stars_from_the_state_document()
    {
        var session = await PickSessionAsync(skip: 12);
        var day = ScheduleTime.Day(session.StartsAt, Shanghai).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var page = new Uri($"/2021/schedule?day={day}", UriKind.Relative);
        var (first, second) = (await App.CreateUserAsync($"one-{Guid.NewGuid():N}@summit.test", Roles.Attendee), await App.CreateUserAsync($"two-{Guid.NewGuid():N}@summit.test", Roles.Organizer));
        using var one = App.Browser();
        using var two = App.Browser();
        await one.SignInAsync(first.Email!);
        await two.SignInAsync(second.Email!);

        // The first stars the session as personal.js does: the token from the state document, the answer in JSON.
        var state = JsonNode.Parse(await one.GetStringAsync(new Uri("/my/state.json", UriKind.Relative), Cancel))!;
        using var star = new HttpRequestMessage(HttpMethod.Post, "/my/agenda?handler=star")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["sessionId"] = session.Id.ToString(CultureInfo.InvariantCulture) }),
        };
        star.Headers.Add("RequestVerificationToken", state["token"]!.GetValue<string>());
        star.Headers.Accept.ParseAdd("application/json");
        using var starred = await one.SendAsync(star, Cancel);
        Assert.Equal(HttpStatusCode.OK, starred.StatusCode);
        Assert.True(JsonNode.Parse(await starred.Content.ReadAsStringAsync(Cancel))!["starred"]!.GetValue<bool>());

        // Both get the same bytes: nothing of either person (no token, no address, no role link) is in the page.
        var pageOne = await one.GetStringAsync(page, Cancel);
        var pageTwo = await two.GetStringAsync(page, Cancel);
        Assert.Equal(pageOne, pageTwo);
        Assert.DoesNotContain("__RequestVerificationToken", pageOne, StringComparison.Ordinal);
        Assert.DoesNotContain(first.Email!, pageOne, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/admin\"", pageOne, StringComparison.Ordinal);
        Assert.Contains($"data-star=\"{session.Id}\"", pageOne, StringComparison.Ordinal);
        Assert.Contains("/js/personal.js", pageOne, StringComparison.Ordinal);
        Assert.Contains("href=\"/my/agenda\"", pageOne, StringComparison.Ordinal);
        Assert.DoesNotContain("/js/personal.js", await App.Browser().GetStringAsync(page, Cancel), StringComparison.Ordinal);

        // What is theirs comes from the state document, never cached.
        using var stateOne = await one.GetAsync(new Uri("/my/state.json", UriKind.Relative), Cancel);
        Assert.True(stateOne.Headers.CacheControl?.NoStore, "The state document is never stored.");
        var mine = JsonNode.Parse(await stateOne.Content.ReadAsStringAsync(Cancel))!;
        Assert.Contains(session.Id, mine["starred"]!.AsArray().Select(n => n!.GetValue<int>()));
        Assert.Empty(mine["links"]!.AsArray());
        var theirs = JsonNode.Parse(await two.GetStringAsync(new Uri("/my/state.json", UriKind.Relative), Cancel))!;
        Assert.DoesNotContain(session.Id, theirs["starred"]!.AsArray().Select(n => n!.GetValue<int>()));
        Assert.Contains(theirs["links"]!.AsArray(), l => l!["href"]!.GetValue<string>() == "/admin");
        using var nobody = await App.Browser().GetAsync(new Uri("/my/state.json", UriKind.Relative), Cancel);
        Assert.Equal(HttpStatusCode.Unauthorized, nobody.StatusCode);

        // A star posted without a token changes nothing.
        using var forged = await one.PostAsync(new Uri("/my/agenda?handler=unstar", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string> { ["sessionId"] = session.Id.ToString(CultureInfo.InvariantCulture) }), Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.True(await App.WithDbAsync(db => db.AgendaStars.AnyAsync(s => s.UserId == first.Id && s.SessionId == session.Id, Cancel)));
    }

    [Fact]
    public async Task The_agenda_is_one_copy_per_sign_in_cookie_dropped_by_a_star_and_by_signing_out()
    {
        var (first, second) = (await PickSessionAsync(skip: 13), await PickSessionAsync(skip: 14));
        var owner = await App.CreateUserAsync($"agenda-{Guid.NewGuid():N}@summit.test", Roles.Attendee);
        var other = await App.CreateUserAsync($"other-{Guid.NewGuid():N}@summit.test", Roles.Attendee);
        var cookie = await SignInCookieAsync(owner.Email!);
        var otherCookie = await SignInCookieAsync(other.Email!);
        using var client = App.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = new Uri("https://localhost") });
        async Task<(HttpStatusCode Status, string Body)> AgendaAsync(string withCookie)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/my/agenda");
            request.Headers.Add("Cookie", withCookie);
            using var answer = await client.SendAsync(request, Cancel);
            return (answer.StatusCode, await answer.Content.ReadAsStringAsync(Cancel));
        }

        // As a browser holds it: the sign-in cookie and, from the first page with a form, the antiforgery cookie.
        using var stateRequest = new HttpRequestMessage(HttpMethod.Get, "/my/state.json");
        stateRequest.Headers.Add("Cookie", cookie);
        using var state = await client.SendAsync(stateRequest, Cancel);
        var token = JsonNode.Parse(await state.Content.ReadAsStringAsync(Cancel))!["token"]!.GetValue<string>();
        cookie += "; " + state.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".Summit.Antiforgery=", StringComparison.Ordinal)).Split(';')[0];
        async Task StarAsync(int sessionId)
        {
            using var star = new HttpRequestMessage(HttpMethod.Post, "/my/agenda?handler=star")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["sessionId"] = sessionId.ToString(CultureInfo.InvariantCulture) }),
            };
            star.Headers.Add("Cookie", cookie);
            star.Headers.Add("RequestVerificationToken", token);
            star.Headers.Accept.ParseAdd("application/json");
            using var answer = await client.SendAsync(star, Cancel);
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        }

        await StarAsync(first.Id);
        var (status, page) = await AgendaAsync(cookie);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(WebUtility.HtmlEncode(first.TitleEn), page, StringComparison.Ordinal);
        Assert.Equal(page, (await AgendaAsync(cookie)).Body);
        var theirs = await AgendaAsync(otherCookie);
        Assert.DoesNotContain(WebUtility.HtmlEncode(first.TitleEn), theirs.Body, StringComparison.Ordinal);

        // A star drops the copy at once.
        await StarAsync(second.Id);
        Assert.Contains(WebUtility.HtmlEncode(second.TitleEn), (await AgendaAsync(cookie)).Body, StringComparison.Ordinal);

        // Signing out drops it too: the same cookie, replayed, is sent to sign in.
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/account/logout");
            request.Headers.Add("Cookie", cookie);
            using var form = await client.SendAsync(request, Cancel);
            using var post = new HttpRequestMessage(HttpMethod.Post, "/account/logout")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = Forms.Token(await form.Content.ReadAsStringAsync(Cancel)) }),
            };
            post.Headers.Add("Cookie", cookie);
            using var signedOut = await client.SendAsync(post, Cancel);
            Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        }

        var replayed = await AgendaAsync(cookie);
        Assert.Equal(HttpStatusCode.Redirect, replayed.Status);
    }

    /// <summary>Signs in without a cookie jar and returns the sign-in cookie as a Cookie header value.</summary>
    private async Task<string> SignInCookieAsync(string email)
    {
        using var client = App.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = new Uri("https://localhost") });
        using var page = await client.GetAsync(new Uri("/account/login", UriKind.Relative), Cancel);
        var antiforgery = page.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".Summit.Antiforgery=", StringComparison.Ordinal)).Split(';')[0];
        using var post = new HttpRequestMessage(HttpMethod.Post, "/account/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.Email"] = email,
                ["Input.Password"] = SummitFactory.Password,
                ["__RequestVerificationToken"] = Forms.Token(await page.Content.ReadAsStringAsync(Cancel)),
            }),
        };
        post.Headers.Add("Cookie", antiforgery);
        using var answer = await client.SendAsync(post, Cancel);
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        return answer.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".Summit.Auth=", StringComparison.Ordinal)).Split(';')[0];
    }

    [Theory]
    [InlineData("day=1999-01-01", "/2021/schedule?day=2021-11-05")]
    [InlineData("day=2021-11-06&track=999999", "/2021/schedule?day=2021-11-06")]
    [InlineData("day=2021-11-06&view=list&tz=Not/AZone", "/2021/schedule?day=2021-11-06&view=list")]
    [InlineData("day=2021-11-06&day=2021-11-05", "/2021/schedule?day=2021-11-05")]
    public async Task A_schedule_address_the_page_cannot_show_as_asked_is_sent_to_the_one_it_shows(string query, string shown)
    {
        using var client = App.Browser();
        using var answer = await client.GetAsync(new Uri("/2021/schedule?" + query, UriKind.Relative), Cancel);
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        Assert.Equal(shown, answer.Headers.Location!.OriginalString);
        using var canonical = await client.GetAsync(answer.Headers.Location, Cancel);
        Assert.Equal(HttpStatusCode.OK, canonical.StatusCode);
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in_for_the_agenda_and_cannot_star()
    {
        using var client = App.Browser();
        using var agenda = await client.GetAsync(new Uri("/my/agenda", UriKind.Relative), Cancel);
        Assert.Equal(HttpStatusCode.Redirect, agenda.StatusCode);
        Assert.Contains("/account/login", agenda.Headers.Location!.OriginalString, StringComparison.Ordinal);
        using var feed = await client.GetAsync(new Uri("/feeds/agenda/00112233445566778899aabbccddeeff0011223344556677.ics", UriKind.Relative), Cancel);
        Assert.Equal(HttpStatusCode.NotFound, feed.StatusCode);
    }

    private sealed record PickedSession(int Id, int EditionId, Guid Uid, string TitleEn, int RoomId, DateTimeOffset StartsAt, DateTimeOffset EndsAt, int[] SpeakerIds);

    /// <summary>A published, placed, not cancelled session with speakers; each test skips a different number so they do not collide.</summary>
    private Task<PickedSession> PickSessionAsync(int skip) => App.WithDbAsync(async db =>
    {
        var sessions = await db.Sessions.AsNoTracking()
            .Where(s => s.RoomId != null && !s.IsCancelled && s.Speakers.Count >= 2 && db.PublishedSessions.Any(p => p.SessionId == s.Id))
            .OrderBy(s => s.Id)
            .ToListAsync(Cancel);
        var s = sessions[skip];
        return new PickedSession(s.Id, s.EditionId, s.Uid, s.TitleEn, s.RoomId!.Value, s.StartsAt!.Value, s.EndsAt!.Value, s.Speakers.Select(p => p.SpeakerId).ToArray());
    });

    private Task<int> MainHallAsync() => App.WithDbAsync(db => db.Rooms.Where(r => r.NameEn == "Main Hall").Select(r => r.Id).FirstAsync(Cancel));

    private static DateTime Day2(int hour, int minute) => new(2021, 11, 6, hour, minute, 0);

    private async Task<HttpClient> OrganizerAsync()
    {
        var user = await App.CreateUserAsync($"organizer-{Guid.NewGuid():N}@summit.test", Roles.Organizer);
        var client = App.Browser();
        await client.SignInAsync(user.Email!);
        return client;
    }

    private static Task<HttpResponseMessage> PlaceAsync(HttpClient client, int sessionId, int roomId, DateTime start, DateTime end) =>
        client.PostAsync($"/admin/programme/2021/sessions/{sessionId}/place", new Dictionary<string, string>
        {
            ["Input.RoomId"] = roomId.ToString(CultureInfo.InvariantCulture),
            ["Input.Day"] = start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Input.Start"] = start.ToString("HH:mm", CultureInfo.InvariantCulture),
            ["Input.End"] = end.ToString("HH:mm", CultureInfo.InvariantCulture),
        });

    private static async Task PublishAsync(HttpClient organizer)
    {
        var revision = await EditorRevisionAsync(organizer);
        using var published = await organizer.PostAsync("/admin/programme/2021", new Dictionary<string, string> { ["Note"] = "test", ["Revision"] = revision }, "/admin/programme/2021?handler=publish");
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
    }

    /// <summary>The working copy's revision as the editor page shows it (a hidden field of the publish form).</summary>
    private static async Task<string> EditorRevisionAsync(HttpClient organizer)
    {
        var editor = await organizer.GetStringAsync(new Uri("/admin/programme/2021", UriKind.Relative), Cancel);
        return System.Text.RegularExpressions.Regex.Match(editor, "name=\"Revision\" value=\"(\\d+)\"").Groups[1].Value;
    }

    private static async Task<Ical.Net.CalendarComponents.CalendarEvent> SessionCalendarAsync(HttpClient client, int sessionId, string query = "")
    {
        var calendar = Ical.Net.Calendar.Load(await client.GetStringAsync(new Uri($"/2021/sessions/{sessionId}.ics{query}", UriKind.Relative), Cancel))!;
        return Assert.Single(calendar.Events);
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;

    /// <summary>The page without what differs between two renderings anyway (antiforgery tokens, the version line).</summary>
    private static string Strip(string html) => System.Text.RegularExpressions.Regex.Replace(html, "value=\"CfDJ8[^\"]*\"", "");
}

/// <summary>
/// The C3VOC schemas copied beside the tests. JsonSchema.Net registers a schema under its $id process-wide, so it is
/// built once here, not once per closed generic test class.
/// </summary>
internal static class C3vocSchemas
{
    public static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Scheduling", "C3voc");

    public static readonly Lazy<JsonSchema> Json = new(() => JsonSchema.FromText(File.ReadAllText(Path.Combine(Folder, "schema.json"))));
}

public sealed class ScheduleTestsOnSqlite(SqliteDemoApp app) : ScheduleTests<SqliteDemoApp>(app), IClassFixture<SqliteDemoApp>;

public sealed class ScheduleTestsOnPostgres(PostgresDemoApp app) : ScheduleTests<PostgresDemoApp>(app), IClassFixture<PostgresDemoApp>;
