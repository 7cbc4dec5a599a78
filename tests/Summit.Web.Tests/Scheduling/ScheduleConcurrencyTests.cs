using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Summit.Core.Scheduling;
using Summit.Core.Speakers;
using Summit.Testing;

namespace Summit.Web.Tests.Scheduling;

/// <summary>The schedule's rules hold when organizers act at the same moment, on each database engine.</summary>
public abstract class ScheduleConcurrencyTests<TApp>(TApp app) where TApp : SummitApp
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    protected SummitFactory App => app.Factory;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_organizers_placing_sessions_in_the_same_free_slot_at_once_get_one_placement_and_one_refusal()
    {
        var (editionId, room, type) = await DemoAsync();
        for (var round = 0; round < 4; round++)
        {
            var first = await NewSessionAsync(editionId, type, $"Race A{round}", null);
            var second = await NewSessionAsync(editionId, type, $"Race B{round}", null);
            var start = ScheduleTime.ToUtc(new DateOnly(2021, 11, 6), new TimeOnly(21, 0).AddMinutes(20 * round), Shanghai);

            var outcomes = await Task.WhenAll(
                App.ScopedAsync(s => s.GetRequiredService<ScheduleSession>().PlaceAsync(editionId, first, room, start, start.AddMinutes(15), Cancel)),
                App.ScopedAsync(s => s.GetRequiredService<ScheduleSession>().PlaceAsync(editionId, second, room, start.AddMinutes(5), start.AddMinutes(20), Cancel)));

            Assert.Single(outcomes, o => o.Succeeded);
            Assert.Equal(ScheduleRules.Reasons.RoomTaken, Assert.Single(Assert.Single(outcomes, o => !o.Succeeded).Refusals).Message);
            var placed = await App.WithDbAsync(db => db.Sessions.CountAsync(s => (s.Id == first || s.Id == second) && s.RoomId != null, Cancel));
            Assert.Equal(1, placed);
        }
    }

    [Fact]
    public async Task Publishing_from_several_places_at_once_makes_exactly_one_new_version()
    {
        var (editionId, room, type) = await DemoAsync();
        var session = await NewSessionAsync(editionId, type, "Late addition", null);
        var start = ScheduleTime.ToUtc(new DateOnly(2021, 11, 6), new TimeOnly(23, 0), Shanghai);
        Assert.True((await App.ScopedAsync(s => s.GetRequiredService<ScheduleSession>().PlaceAsync(editionId, session, room, start, start.AddMinutes(30), Cancel))).Succeeded);
        var before = await App.WithDbAsync(db => db.ScheduleVersions.Where(v => v.EditionId == editionId).MaxAsync(v => v.Number, Cancel));

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            App.ScopedAsync(s => s.GetRequiredService<PublishSchedule>().RunAsync(editionId, "race", null, cancellationToken: Cancel))));

        var published = Assert.Single(outcomes, o => o.Succeeded);
        Assert.Equal(before + 1, published.Published!.Number);
        Assert.All(outcomes.Where(o => !o.Succeeded), o => Assert.Equal(PublishSchedule.Reasons.NothingToPublish, Assert.Single(o.Refusals).Message));
        var numbers = await App.WithDbAsync(db => db.ScheduleVersions.Where(v => v.EditionId == editionId).Select(v => v.Number).ToListAsync(Cancel));
        Assert.Equal(numbers.Count, numbers.Distinct().Count());
        Assert.Contains(published.Published.Changes, c => c.Kind == ScheduleChangeKind.Added && c.SessionId == session);
    }

    [Fact]
    public async Task Merging_a_duplicate_speaker_keeps_their_sessions_and_published_history()
    {
        var (editionId, room, type) = await DemoAsync();
        var (keep, duplicate) = await App.ScopedAsync(async s =>
        {
            var save = s.GetRequiredService<SaveSpeaker>();
            var a = await save.RunAsync(null, new SpeakerDetails($"merge-keep-{Guid.NewGuid():N}"[..30], "周", "明", "Zhou", "Ming", true, null, null, "CN", null, null, null, [], []), [editionId], Cancel);
            var b = await save.RunAsync(null, new SpeakerDetails($"merge-dup-{Guid.NewGuid():N}"[..30], null, null, "Zhou", "Ming", true, null, null, "CN", null, null, null, [], []), [editionId], Cancel);
            return (a.SpeakerId!.Value, b);
        });
        var session = await NewSessionAsync(editionId, type, "Merged speaker's talk", duplicate.SpeakerId!.Value);
        var start = ScheduleTime.ToUtc(new DateOnly(2021, 11, 5), new TimeOnly(22, 0), Shanghai);
        Assert.True((await App.ScopedAsync(s => s.GetRequiredService<ScheduleSession>().PlaceAsync(editionId, session, room, start, start.AddMinutes(30), Cancel))).Succeeded);
        Assert.True((await App.ScopedAsync(s => s.GetRequiredService<PublishSchedule>().RunAsync(editionId, null, null, cancellationToken: Cancel))).Succeeded);
        var moderated = await App.ScopedAsync(s => s.GetRequiredService<SaveSession>().RunAsync(editionId, session, new SessionDetails(
            "Merged speaker's talk", "Merged speaker's talk（中文）", null, null, type, null, SessionLanguage.English, false, null,
            [new(duplicate.SpeakerId!.Value, SessionSpeakerRole.Speaker), new(keep, SessionSpeakerRole.Moderator)]), Cancel));
        Assert.True(moderated.Saved);
        var second = await App.ScopedAsync(s => s.GetRequiredService<PublishSchedule>().RunAsync(editionId, null, null, cancellationToken: Cancel));
        Assert.Contains(second.Published!.Changes, c => c.Kind == ScheduleChangeKind.SpeakersChanged && c.SessionId == session);
        var slug = await App.WithDbAsync(db => db.Speakers.Where(s => s.Id == duplicate.SpeakerId).Select(s => s.Slug).FirstAsync(Cancel));

        Assert.Null(await App.ScopedAsync(s => s.GetRequiredService<MergeSpeakers>().RunAsync(keep, slug, Cancel)));

        var speakers = await App.WithDbAsync(db => db.Sessions.Where(s => s.Id == session).SelectMany(s => s.Speakers).Select(p => p.SpeakerId).ToListAsync(Cancel));
        Assert.Equal([keep], speakers);
        var published = await App.WithDbAsync(db => db.PublishedSessions.Where(p => p.SessionId == session).SelectMany(p => p.Speakers).Select(p => p.SpeakerId).Distinct().ToListAsync(Cancel));
        Assert.Equal([keep], published);
        var changelog = await App.WithDbAsync(db => db.ScheduleChanges.AsNoTracking().Where(c => c.SessionId == session && c.Kind == ScheduleChangeKind.SpeakersChanged).ToListAsync(Cancel));
        Assert.All(changelog, c => Assert.DoesNotContain(duplicate.SpeakerId!.Value, c.SpeakerIdsBefore.Concat(c.SpeakerIdsAfter)));
        Assert.Contains(changelog, c => c.SpeakerIdsAfter.Contains(keep));
    }

    private Task<(int EditionId, int Room, int Type)> DemoAsync() => App.WithDbAsync(async db =>
    {
        var edition = await db.Editions.Where(e => e.Slug == "2021").Select(e => e.Id).FirstAsync(Cancel);
        var room = await db.Rooms.Where(r => r.EditionId == edition && r.NameEn == "Raffles Room").Select(r => r.Id).FirstAsync(Cancel);
        var type = await db.SessionTypes.Where(t => t.EditionId == edition && !t.IsBreak).Select(t => t.Id).FirstAsync(Cancel);
        return (edition, room, type);
    });

    private Task<int> NewSessionAsync(int editionId, int type, string title, int? speakerId) => App.ScopedAsync(async s =>
    {
        var saved = await s.GetRequiredService<SaveSession>().RunAsync(editionId, null, new SessionDetails(
            title, title + "（中文）", null, null, type, null, SessionLanguage.English, false, null,
            speakerId is int id ? [new SessionSpeakerDetails(id, SessionSpeakerRole.Speaker)] : []), Cancel);
        Assert.True(saved.Saved, string.Join("; ", saved.Refusals.Select(r => r.Message)));
        return saved.SessionId!.Value;
    });
}

public sealed class ScheduleConcurrencyTestsOnSqlite(SqliteDemoApp app) : ScheduleConcurrencyTests<SqliteDemoApp>(app), IClassFixture<SqliteDemoApp>;

public sealed class ScheduleConcurrencyTestsOnPostgres(PostgresDemoApp app) : ScheduleConcurrencyTests<PostgresDemoApp>(app), IClassFixture<PostgresDemoApp>;
