using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Summit.Core.Editions;
using Summit.Core.Mail;
using Summit.Core.Registrations;
using Summit.Core.Scheduling;
using Summit.Core.Speakers;
using Summit.Jobs.Scheduling;
using Summit.Testing;

namespace Summit.Web.Tests.Mail;

/// <summary>Publishing a changed programme tells exactly the people each change concerns, once.</summary>
public abstract class ScheduleDigestTests<TApp>(TApp app) where TApp : SummitApp
{
    protected SummitFactory App => app.Factory;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Moving_one_session_sends_one_digest_to_each_affected_attendee_and_speaker_and_none_to_others()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        string Address(string who) => $"{who}-{tag}@summit.test";
        var follower = await App.CreateUserAsync(Address("follower"), Core.Accounts.Roles.Attendee);
        var bystander = await App.CreateUserAsync(Address("bystander"), Core.Accounts.Roles.Attendee);
        var (editionId, moved, room, start) = await App.ScopedAsync(async s =>
        {
            var edition = (await s.GetRequiredService<SaveEdition>().RunAsync(null, new EditionDetails(
                $"d{tag}", "Digest edition", "变更测试届", null, null, new DateOnly(2030, 11, 5), new DateOnly(2030, 11, 6), "Venue", "场地", "Chongqing", "重庆", "Asia/Shanghai", EditionStatus.Open), Cancel)).EditionId!.Value;
            var category = (await s.GetRequiredService<SaveCategory>().RunAsync(edition, null, new CategoryDetails("Delegate", "代表", null, null, CategoryKind.General, null, false, false, null, null, 1), Cancel)).CategoryId!.Value;
            var programme = s.GetRequiredService<SaveProgrammeItem>();
            var venue = (await programme.SaveVenueAsync(edition, null, "Yuelai", "悦来", Cancel)).Id!.Value;
            var hall = (await programme.SaveRoomAsync(edition, null, venue, new RoomDetails("Jialing Hall", "嘉陵厅", 200, SessionLanguage.English, null, 1), Cancel)).Id!.Value;
            var type = (await programme.SaveTypeAsync(edition, null, "Panel", "圆桌", false, 1, Cancel)).Id!.Value;
            var speakers = s.GetRequiredService<SaveSpeaker>();
            var onMoved = (await speakers.RunAsync(null, new SpeakerDetails($"moved-{tag}", "曾", "刚", "Zeng", "Gang", true, null, null, "CN", null, null, Address("speaker-moved"), [], []), [edition], Cancel)).SpeakerId!.Value;
            var onOther = (await speakers.RunAsync(null, new SpeakerDetails($"other-{tag}", null, null, "Lim", "Wei", false, null, null, "SG", null, null, Address("speaker-other"), [], []), [edition], Cancel)).SpeakerId!.Value;
            var save = s.GetRequiredService<SaveSession>();
            var a = (await save.RunAsync(edition, null, new SessionDetails("Green finance panel", "绿色金融圆桌", null, null, type, null, SessionLanguage.English, false, 50, [new(onMoved, SessionSpeakerRole.Panelist)]), Cancel)).SessionId!.Value;
            var b = (await save.RunAsync(edition, null, new SessionDetails("Digital trade panel", "数字贸易圆桌", null, null, type, null, SessionLanguage.English, false, 50, [new(onOther, SessionSpeakerRole.Panelist)]), Cancel)).SessionId!.Value;
            var nine = ScheduleTime.ToUtc(new DateOnly(2030, 11, 5), new TimeOnly(9, 0), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));
            var place = s.GetRequiredService<ScheduleSession>();
            Assert.True((await place.PlaceAsync(edition, a, hall, nine, nine.AddHours(1), Cancel)).Succeeded);
            Assert.True((await place.PlaceAsync(edition, b, hall, nine.AddHours(2), nine.AddHours(3), Cancel)).Succeeded);
            Assert.True((await s.GetRequiredService<PublishSchedule>().RunAsync(edition, null, null, cancellationToken: Cancel)).Succeeded);

            // The follower stars A and also holds a seat there under the same address: one person, one email.
            Assert.Null(await s.GetRequiredService<PersonalAgenda>().StarAsync(follower.Id, a, Cancel));
            Assert.Null(await s.GetRequiredService<PersonalAgenda>().StarAsync(bystander.Id, b, Cancel));
            var register = s.GetRequiredService<RegisterAttendee>();
            foreach (var (email, session, culture) in new[] { (follower.Email!, a, "en"), (Address("seated"), a, "zh-Hans"), (Address("elsewhere"), b, "en") })
            {
                var outcome = await register.RunAsync(category, new RegistrationDetails("王", "芳", "Guest", email[..6], false, null, null, email, null, "SG", culture, null, null, false, true, "2026-11"), null, cancellationToken: Cancel);
                Assert.Equal(SignupResult.Confirmed, (await s.GetRequiredService<SignUpForSession>().RunAsync(outcome.RegistrationId!.Value, session, Cancel)).Result);
            }

            return (edition, a, hall, nine);
        });

        var v2 = await App.ScopedAsync(async s =>
        {
            Assert.True((await s.GetRequiredService<ScheduleSession>().PlaceAsync(editionId, moved, room, start.AddHours(4), start.AddHours(5), Cancel)).Succeeded);
            // A second line for the same session (its abstract), which is not news for anyone's diary.
            var session = await s.GetRequiredService<Core.Data.SummitDbContext>().Sessions.AsNoTracking().Include(x => x.Speakers).FirstAsync(x => x.Id == moved, Cancel);
            Assert.True((await s.GetRequiredService<SaveSession>().RunAsync(editionId, moved, new SessionDetails(
                session.TitleEn, session.TitleZh, "Now with a case study from Chongqing.", null, session.TypeId, null, session.Language, false, session.SeatLimit,
                session.Speakers.Select(x => new SessionSpeakerDetails(x.SpeakerId, x.Role)).ToList()), Cancel)).Saved);
            var published = await s.GetRequiredService<PublishSchedule>().RunAsync(editionId, null, null, cancellationToken: Cancel);
            Assert.True(published.Succeeded);
            return published.Published!.VersionId;
        });

        var mail = await App.WaitForMailAsync(follower.Email!, ScheduleChangeMails.DigestKind);
        // The job again, as after a crash: nothing is queued twice.
        await App.ScopedAsync(async s =>
        {
            await s.GetRequiredService<SendScheduleDigestsJob>().RunAsync(v2, Cancel);
            return true;
        });

        var digests = await App.WithDbAsync(db => db.OutgoingMails.AsNoTracking().Where(m => m.Kind == ScheduleChangeMails.DigestKind && m.ToAddress.Contains(tag)).Select(m => m.ToAddress).ToListAsync(Cancel));
        Assert.Equal([Address("follower"), Address("seated"), Address("speaker-moved")], digests.Order(StringComparer.Ordinal));
        Assert.Contains("Green finance panel: moved from Tue 5 Nov 09:00–10:00, Jialing Hall to Tue 5 Nov 13:00–14:00, Jialing Hall", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Digital trade panel", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("details changed", mail.TextBody, StringComparison.Ordinal);
        var calendar = Assert.IsAssignableFrom<MimePart>(Assert.Single(mail.Attachments));
        using var bytes = new MemoryStream();
        await calendar.Content!.DecodeToAsync(bytes, Cancel);
        var ics = System.Text.Encoding.UTF8.GetString(bytes.ToArray());
        Assert.Contains("SEQUENCE:1", ics, StringComparison.Ordinal);
        Assert.Contains("DTSTART;TZID=Asia/Shanghai:20301105T130000", ics, StringComparison.Ordinal);
        // A speaker without an account, with a Chinese name, from China: written to in Chinese (SpeakerNames.Culture).
        var speakerMail = await App.WaitForMailAsync(Address("speaker-moved"), ScheduleChangeMails.DigestKind);
        Assert.Contains("绿色金融圆桌：由 11月5日 09:00–10:00, 嘉陵厅 改为 11月5日 13:00–14:00, 嘉陵厅", speakerMail.TextBody, StringComparison.Ordinal);
        var chineseMail = await App.WaitForMailAsync(Address("seated"), ScheduleChangeMails.DigestKind);
        Assert.Contains("绿色金融圆桌：由 11月5日 09:00–10:00, 嘉陵厅 改为 11月5日 13:00–14:00, 嘉陵厅", chineseMail.TextBody, StringComparison.Ordinal);
        Assert.StartsWith("日程变更（第 2 版）", chineseMail.Subject, StringComparison.Ordinal);
        Assert.Equal(1, await App.WithDbAsync(db => db.OutgoingMails.CountAsync(m => m.ToAddress == follower.Email && m.Kind == ScheduleChangeMails.DigestKind && m.Status != MailStatus.Cancelled, Cancel)));
    }

    [Fact]
    public async Task A_session_taken_off_the_programme_is_sent_as_cancelled_in_a_published_calendar()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var follower = await App.CreateUserAsync($"follower-{tag}@summit.test", Core.Accounts.Roles.Attendee);
        var (editionId, taken) = await App.ScopedAsync(async s =>
        {
            var edition = (await s.GetRequiredService<SaveEdition>().RunAsync(null, new EditionDetails(
                $"r{tag}", "Removal edition", "移除测试届", null, null, new DateOnly(2030, 11, 5), new DateOnly(2030, 11, 6), "Venue", "场地", "Chongqing", "重庆", "Asia/Shanghai", EditionStatus.Open), Cancel)).EditionId!.Value;
            var programme = s.GetRequiredService<SaveProgrammeItem>();
            var venue = (await programme.SaveVenueAsync(edition, null, "Yuelai", "悦来", Cancel)).Id!.Value;
            var hall = (await programme.SaveRoomAsync(edition, null, venue, new RoomDetails("Jialing Hall", "嘉陵厅", 200, SessionLanguage.English, null, 1), Cancel)).Id!.Value;
            var type = (await programme.SaveTypeAsync(edition, null, "Panel", "圆桌", false, 1, Cancel)).Id!.Value;
            var save = s.GetRequiredService<SaveSession>();
            var a = (await save.RunAsync(edition, null, new SessionDetails("Panel to be taken off", "将移除的圆桌", null, null, type, null, SessionLanguage.English, false, 50, []), Cancel)).SessionId!.Value;
            var b = (await save.RunAsync(edition, null, new SessionDetails("Panel that stays", "保留的圆桌", null, null, type, null, SessionLanguage.English, false, 50, []), Cancel)).SessionId!.Value;
            var nine = ScheduleTime.ToUtc(new DateOnly(2030, 11, 5), new TimeOnly(9, 0), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));
            var place = s.GetRequiredService<ScheduleSession>();
            Assert.True((await place.PlaceAsync(edition, a, hall, nine, nine.AddHours(1), Cancel)).Succeeded);
            Assert.True((await place.PlaceAsync(edition, b, hall, nine.AddHours(2), nine.AddHours(3), Cancel)).Succeeded);
            Assert.True((await s.GetRequiredService<PublishSchedule>().RunAsync(edition, null, null, cancellationToken: Cancel)).Succeeded);
            Assert.Null(await s.GetRequiredService<PersonalAgenda>().StarAsync(follower.Id, a, Cancel));
            Assert.Null(await s.GetRequiredService<PersonalAgenda>().StarAsync(follower.Id, b, Cancel));
            return (edition, a);
        });
        var uid = await App.WithDbAsync(db => db.PublishedSessions.AsNoTracking().Where(p => p.SessionId == taken).Select(p => new { p.Uid, p.Sequence }).FirstAsync(Cancel));

        await App.ScopedAsync(async s =>
        {
            Assert.True((await s.GetRequiredService<ScheduleSession>().UnscheduleAsync(editionId, taken, Cancel)).Succeeded);
            Assert.True((await s.GetRequiredService<PublishSchedule>().RunAsync(editionId, null, null, cancellationToken: Cancel)).Succeeded);
            return true;
        });

        var mail = await App.WaitForMailAsync(follower.Email!, ScheduleChangeMails.DigestKind);
        Assert.Contains("Panel to be taken off", mail.TextBody, StringComparison.Ordinal);
        var part = Assert.IsAssignableFrom<MimePart>(Assert.Single(mail.Attachments));
        Assert.Equal("PUBLISH", part.ContentType.Parameters["method"]);
        using var bytes = new MemoryStream();
        await part.Content!.DecodeToAsync(bytes, Cancel);
        var calendar = Ical.Net.Calendar.Load(System.Text.Encoding.UTF8.GetString(bytes.ToArray()))!;
        Assert.Equal("PUBLISH", calendar.Method);
        var gone = Assert.Single(calendar.Events, e => e.Uid == $"{uid.Uid:D}@summit.cci-fs");
        Assert.Equal(Ical.Net.EventStatus.Cancelled, gone.Status);
        Assert.Equal(uid.Sequence + 1, gone.Sequence);
        Assert.Equal(new DateTime(2030, 11, 5, 9, 0, 0), gone.DtStart!.Value);
        // Only the sessions whose change concerns the reader: the one that stays is not in the file.
        Assert.Single(calendar.Events);
    }
}

public sealed class ScheduleDigestTestsOnSqlite(SqliteApp app) : ScheduleDigestTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class ScheduleDigestTestsOnPostgres(PostgresApp app) : ScheduleDigestTests<PostgresApp>(app), IClassFixture<PostgresApp>;
