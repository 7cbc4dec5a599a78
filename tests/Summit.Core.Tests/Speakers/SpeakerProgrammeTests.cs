using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Summit.Core.Editions;
using Summit.Core.Scheduling;
using Summit.Core.Speakers;
using Summit.Testing;

namespace Summit.Core.Tests.Speakers;

/// <summary>A speaker's own programme (the sessions on <c>/my/speaker-profile</c>) against a real SQLite file.</summary>
public sealed class SpeakerProgrammeTests : IAsyncLifetime
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("summit-programme-");
    private ServiceProvider services = null!;

    public ValueTask InitializeAsync()
    {
        TestDatabases.CopySqliteTemplate(folder.FullName);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:Path"] = folder.FullName }).Build();
        var collection = new ServiceCollection().AddLogging();
        collection.AddSummitCore(configuration);
        services = collection.BuildServiceProvider();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        folder.Delete(recursive: true);
    }

    private static async Task<int> SpeakerAsync(IServiceProvider s, string family, string given, string? familyZh, string? givenZh, IReadOnlyCollection<int>? editions = null, bool familyFirst = true) =>
        (await s.GetRequiredService<SaveSpeaker>().RunAsync(null, new SpeakerDetails(
            $"{family}-{given}".ToLowerInvariant(), familyZh, givenZh, family, given, familyFirst, null, null, null, null, null, null,
            [new PositionDetails("Economist", null, "Bank", null)], []), editions)).SpeakerId!.Value;

    private static async Task<int> EditionAsync(IServiceProvider s, string slug, DateOnly start) =>
        (await s.GetRequiredService<SaveEdition>().RunAsync(null, new EditionDetails(
            slug, $"Summit {slug}", $"峰会 {slug}", null, null, start, start.AddDays(1), "Venue", "场地", "Chongqing", "重庆", "Asia/Shanghai", EditionStatus.Open))).EditionId!.Value;

    [Fact]
    public async Task A_speaker_sees_announced_sessions_with_time_room_role_and_colleagues_and_unannounced_ones_without_a_time()
    {
        var ct = TestContext.Current.CancellationToken;
        using var scope = services.CreateScope();
        var s = scope.ServiceProvider;
        var current = await EditionAsync(s, "2030", new DateOnly(2030, 11, 5));
        var earlier = await EditionAsync(s, "2028", new DateOnly(2028, 11, 5));
        var speaker = await SpeakerAsync(s, "Zeng", "Gang", "曾", "刚", [earlier]);
        var colleague = await SpeakerAsync(s, "Menon", "Ravi", null, null, familyFirst: false);

        var programme = s.GetRequiredService<SaveProgrammeItem>();
        var venue = (await programme.SaveVenueAsync(current, null, "Yuelai", "悦来", ct)).Id!.Value;
        var room = (await programme.SaveRoomAsync(current, null, venue, new RoomDetails("Hall A", "A 厅", 300, SessionLanguage.Chinese, "EN ch. 2", 1), ct)).Id!.Value;
        var type = (await programme.SaveTypeAsync(current, null, "Panel", "圆桌", false, 1, ct)).Id!.Value;
        var sessions = s.GetRequiredService<SaveSession>();
        var panel = (await sessions.RunAsync(current, null, new SessionDetails(
            "Green finance panel", "绿色金融圆桌", null, null, type, null, SessionLanguage.Chinese, true, null,
            [new SessionSpeakerDetails(colleague, SessionSpeakerRole.Panelist), new SessionSpeakerDetails(speaker, SessionSpeakerRole.Moderator)]), ct)).SessionId!.Value;
        var start = ScheduleTime.ToUtc(new DateOnly(2030, 11, 5), new TimeOnly(9, 30), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));
        Assert.True((await s.GetRequiredService<ScheduleSession>().PlaceAsync(current, panel, room, start, start.AddHours(1), ct)).Succeeded);
        Assert.True((await s.GetRequiredService<PublishSchedule>().RunAsync(current, null, null, cancellationToken: ct)).Succeeded);
        // Added after the programme was published: the speaker sees it, without a time, until the next version.
        await sessions.RunAsync(current, null, new SessionDetails(
            "Closing remarks", "闭幕致辞", null, null, type, null, SessionLanguage.English, false, null, [new SessionSpeakerDetails(speaker, SessionSpeakerRole.Speaker)]), ct);

        var mine = await s.GetRequiredService<SpeakerProgramme>().ForAsync(speaker, ct);

        Assert.Equal(["2030", "2028"], mine.Select(e => e.Slug));
        Assert.Empty(mine[1].Sessions);
        Assert.Equal("Asia/Shanghai", mine[0].TimeZoneId);
        var (announced, preparing) = (mine[0].Sessions[0], mine[0].Sessions[1]);
        Assert.True(announced.Announced);
        Assert.Equal(panel, announced.SessionId);
        Assert.Equal(SessionSpeakerRole.Moderator, announced.Role);
        Assert.Equal(start, announced.StartsAt);
        Assert.Equal("A 厅", announced.Room(chinese: true));
        Assert.True(announced.InterpretationOffered);
        Assert.Equal("EN ch. 2", announced.InterpretationChannels);
        var other = Assert.Single(announced.Others);
        Assert.Equal(("Ravi Menon", SessionSpeakerRole.Panelist), (other.NameEn, other.Role));
        Assert.False(preparing.Announced);
        Assert.Equal("闭幕致辞", preparing.Title(chinese: true));
        Assert.Null(preparing.StartsAt);
        Assert.Empty(preparing.Others);

        Assert.Empty(await s.GetRequiredService<SpeakerProgramme>().ForAsync(await SpeakerAsync(s, "New", "Comer", null, null), ct));
    }
}
