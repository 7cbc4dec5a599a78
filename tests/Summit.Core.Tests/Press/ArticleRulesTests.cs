using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Summit.Core.Accounts;
using Summit.Core.Consequences;
using Summit.Core.Data;
using Summit.Core.Editions;
using Summit.Core.Press;
using Summit.Core.Scheduling;
using Summit.Core.Speakers;
using Summit.Testing;

namespace Summit.Core.Tests.Press;

/// <summary>Every article transition and refusal, against a real SQLite file with Core's own services and a fake clock.</summary>
public sealed class ArticleRulesTests : IAsyncLifetime
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("summit-press-");
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2027, 11, 1, 8, 0, 0, TimeSpan.Zero));
    private readonly Recorder recorder = new();
    private ServiceProvider services = null!;
    private int editionId;
    private int speakerId;
    private ArticleActor writer = null!;
    private ArticleActor otherWriter = null!;
    private ArticleActor editor = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        TestDatabases.CopySqliteTemplate(folder.FullName);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:Path"] = folder.FullName }).Build();
        var collection = new ServiceCollection().AddLogging();
        collection.AddSummitCore(configuration);
        collection.AddSingleton<TimeProvider>(clock);
        collection.AddSingleton<IArticleListener>(recorder);
        // What follows an article change is a consequence: the recorder stands in for the mailer, and the programme's
        // follow-up is the real one. WithAsync carries them out after each step, as the job would.
        collection.AddSingleton(recorder);
        collection.AddConsequence<SignOffRequested, Recorder>("mail");
        collection.AddConsequence<SignOffAnswered, Recorder>("mail");
        collection.AddConsequence<ArticleHeld, Recorder>("mail");
        collection.AddConsequence<ScheduleVersionPublished, FollowSessionTimes>("default");
        services = collection.BuildServiceProvider();
        await WithAsync(async s =>
        {
            var db = s.GetRequiredService<SummitDbContext>();
            editionId = (await s.GetRequiredService<SaveEdition>().RunAsync(null, new EditionDetails(
                "2027", "CCI-FS 2027", "2027峰会", null, null, new DateOnly(2027, 11, 5), new DateOnly(2027, 11, 6), "Venue", "场地", "Chongqing", "重庆", "Asia/Shanghai", EditionStatus.Open), Cancel)).EditionId!.Value;
            speakerId = (await s.GetRequiredService<SaveSpeaker>().RunAsync(null, new SpeakerDetails(
                "zeng-gang", "曾", "刚", "Zeng", "Gang", true, null, null, "CN", null, null, "zeng.gang@summit.test", [], []), [editionId], Cancel)).SpeakerId!.Value;
            writer = await UserAsync(db, "writer@press.test", editor: false);
            otherWriter = await UserAsync(db, "other@press.test", editor: false);
            editor = await UserAsync(db, "editor@summit.test", editor: true);
            return 0;
        });
    }

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        folder.Delete(recursive: true);
    }

    private static async Task<ArticleActor> UserAsync(SummitDbContext db, string email, bool editor)
    {
        var user = new SummitUser { Id = Guid.NewGuid().ToString(), UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(), DisplayName = email.Split('@')[0] };
        db.Users.Add(user);
        await db.SaveChangesAsync(Cancel);
        return new ArticleActor(user.Id, email, user.DisplayName, editor);
    }

    private async Task<T> WithAsync<T>(Func<IServiceProvider, Task<T>> use)
    {
        T result;
        using (var scope = services.CreateScope())
        {
            result = await use(scope.ServiceProvider);
        }

        // Every consequence committed meanwhile (a consequence may record more: a hold records its email).
        var runner = services.GetRequiredService<ConsequenceRunner>();
        while (true)
        {
            using var scope = services.CreateScope();
            var due = await ConsequenceRunner.DueAsync(scope.ServiceProvider.GetRequiredService<SummitDbContext>(), clock.GetUtcNow(), TimeSpan.FromDays(-1), 100, Cancel);
            if (due.Count == 0)
            {
                return result;
            }

            foreach (var (id, _) in due)
            {
                Assert.Equal(ConsequenceRun.Done, await runner.RunAsync(id, Cancel));
            }
        }
    }

    /// <summary>An interview; <paramref name="quotes"/> is a paragraph of the English text (the quotes are what its quotation marks hold).</summary>
    private static ArticleContent Content(string slug = "zeng-gang-carbon", string body = "Chongqing should focus on emission reduction.", string? quotes = "“Energy conservation should be focused,” said Zeng.", IReadOnlyList<int>? speakers = null, IReadOnlyList<int>? sessions = null, string bodyZh = "曾刚认为……") => new(
        ArticleKind.Interview, slug, "Zeng Gang: Chongqing Should Focus on Energy-Saving", "曾刚：重庆应聚焦节能减排技术", "The lead.", null, quotes is null ? body : $"{body}\n\n{quotes}", bodyZh,
        "Chongqing", "重庆", null, null, null, ["Green Finance", "green finance", "碳中和"], [new ContributorDetails("Zhang Yue", "as an intern")], speakers ?? [], sessions ?? []);

    private Task<ArticleOutcome> SaveAsync(ArticleActor actor, ArticleContent content, int? id = null, int? expected = null, string? correction = null) =>
        WithAsync(s => s.GetRequiredService<SaveArticle>().RunAsync(actor, editionId, id, content, expected, correction, Cancel));

    private Task<Article> LoadAsync(int id) =>
        WithAsync(s => s.GetRequiredService<SummitDbContext>().Articles.AsNoTracking().Include(a => a.Tags).Include(a => a.Contributors).Include(a => a.Corrections).FirstAsync(a => a.Id == id, Cancel));

    private Task<List<ArticleEventKind>> HistoryAsync(int id) =>
        WithAsync(s => s.GetRequiredService<SummitDbContext>().ArticleEvents.AsNoTracking().Where(e => e.ArticleId == id).OrderBy(e => e.Id).Select(e => e.Kind).ToListAsync(Cancel));

    private async Task<int> DraftAsync(IReadOnlyList<int>? sessions = null)
    {
        var saved = await SaveAsync(writer, Content(speakers: [speakerId], sessions: sessions));
        Assert.Empty(saved.Refusals);
        return saved.ArticleId!.Value;
    }

    private async Task<string> RequestAsync(int id)
    {
        Assert.True((await WithAsync(s => s.GetRequiredService<RequestSignOff>().RunAsync(writer, id, speakerId, Cancel))).Succeeded);
        return recorder.Requested[^1].Token;
    }

    private Task<ArticleOutcome> ScheduleAsync(ArticleActor actor, int id, PublishTime time, bool overrideSignOff = false) =>
        WithAsync(s => s.GetRequiredService<ScheduleArticle>().RunAsync(actor, id, time, overrideSignOff, cancellationToken: Cancel));

    private Task<IReadOnlyList<int>> PublishDueAsync() => WithAsync(s => s.GetRequiredService<PublishDueArticles>().RunAsync(Cancel));

    [Theory]
    [InlineData(null, null, "Body", "a-slug", SaveArticle.Reasons.HeadlineRequired)]
    [InlineData("Headline", null, null, "a-slug", SaveArticle.Reasons.BodyRequired)]
    [InlineData("Headline", null, "Body", "A Slug!", SaveArticle.Reasons.SlugShape)]
    [InlineData("Headline", null, "Body", "ab", SaveArticle.Reasons.SlugShape)]
    [InlineData("<script>alert(1)</script>", null, "Body", "a-slug", SaveArticle.Reasons.Markup)]
    [InlineData("Head\u0000line", null, "Body", "a-slug", SaveArticle.Reasons.ControlCharacters)]
    public void An_article_without_a_headline_text_or_good_address_is_refused(string? headline, string? headlineZh, string? body, string slug, string reason)
    {
        var content = new ArticleContent(ArticleKind.Report, slug, headline, headlineZh, null, null, body, null, null, null, null, null, null, [], [], [], []);

        Assert.Contains(SaveArticle.Check(content), r => r.Message == reason);
    }

    [Theory]
    [InlineData(150, null, SaveArticle.Reasons.TooManyContributors)]
    [InlineData(5, "实习\u0007生", SaveArticle.Reasons.ControlCharacters)]
    [InlineData(5, "<b>实习生</b>", SaveArticle.Reasons.Markup)]
    public void A_contributors_chinese_name_and_role_are_checked_like_the_latin_ones(int nameLength, string? roleZh, string reason)
    {
        var content = new ArticleContent(ArticleKind.Report, "a-slug", "Headline", null, null, null, "Body", null, null, null, null, null, null, [],
            [new ContributorDetails("Zhang Yue", null, new string('张', nameLength), roleZh)], [], []);

        Assert.Contains(SaveArticle.Check(content), r => r.Message == reason);
    }

    [Fact]
    public async Task A_draft_is_its_authors_and_the_editors_only_and_every_save_keeps_a_revision()
    {
        var id = await DraftAsync();
        var article = await LoadAsync(id);

        Assert.Equal((ArticleStatus.Draft, 1), (article.Status, article.Revision));
        Assert.Equal(["green finance", "碳中和"], article.Tags.Select(t => t.Tag).Order(StringComparer.Ordinal));
        Assert.Equal(("Zhang Yue", "as an intern"), (article.Contributors.Single().Name, article.Contributors.Single().Role));
        var withAuthors = await WithAsync(s => s.GetRequiredService<SummitDbContext>().Articles.AsNoTracking().Include(a => a.Authors).FirstAsync(a => a.Id == id, Cancel));
        Assert.True(ArticleRules.MaySee(withAuthors, writer));
        Assert.True(ArticleRules.MaySee(withAuthors, editor));
        Assert.False(ArticleRules.MaySee(withAuthors, otherWriter));
        Assert.False(ArticleRules.MaySee(withAuthors, null));

        // Another Press user cannot even find it; the same answer as for an article that does not exist.
        Assert.Equal(ArticleRules.Reasons.NotFound, Assert.Single((await SaveAsync(otherWriter, Content(body: "Hijacked."), id)).Refusals).Message);
        Assert.Equal(ArticleRules.Reasons.Stale, Assert.Single((await SaveAsync(writer, Content(body: "Late."), id, expected: 0)).Refusals).Message);
        Assert.True((await SaveAsync(editor, Content(body: "Edited by the desk."), id, expected: 1)).Succeeded);
        Assert.Equal(SaveArticle.Reasons.SlugTaken, Assert.Single((await SaveAsync(otherWriter, Content())).Refusals).Message);

        Assert.Equal(("Edited by the desk.\n\n“Energy conservation should be focused,” said Zeng.", 2), ((await LoadAsync(id)).BodyEn, (await LoadAsync(id)).Revision));
        Assert.Equal([1, 2], await WithAsync(s => s.GetRequiredService<SummitDbContext>().ArticleRevisions.Where(r => r.ArticleId == id).OrderBy(r => r.Number).Select(r => r.Number).ToListAsync(Cancel)));
        Assert.Equal([ArticleEventKind.Created, ArticleEventKind.Saved], await HistoryAsync(id));
    }

    [Fact]
    public async Task The_speaker_signs_off_the_quotes_once_through_the_link_and_changed_quotes_need_a_new_sign_off()
    {
        var id = await DraftAsync();
        var noQuotes = (await SaveAsync(writer, Content(slug: "no-quotes", quotes: null, speakers: [speakerId]))).ArticleId!.Value;
        Assert.Equal(RequestSignOff.Reasons.NoQuotes, Assert.Single((await WithAsync(s => s.GetRequiredService<RequestSignOff>().RunAsync(writer, noQuotes, speakerId, Cancel))).Refusals).Message);
        Assert.Equal(RequestSignOff.Reasons.NotCovered, Assert.Single((await WithAsync(s => s.GetRequiredService<RequestSignOff>().RunAsync(writer, id, speakerId + 1000, Cancel))).Refusals).Message);
        Assert.Equal(ArticleRules.Reasons.NotFound, Assert.Single((await WithAsync(s => s.GetRequiredService<RequestSignOff>().RunAsync(otherWriter, id, speakerId, Cancel))).Refusals).Message);

        var first = await RequestAsync(id);
        Assert.Equal(ArticleStatus.QuoteReview, (await LoadAsync(id)).Status);
        Assert.Equal(ArticleRules.Reasons.WrongState, Assert.Single((await WithAsync(s => s.GetRequiredService<SubmitArticle>().RunAsync(writer, id, cancellationToken: Cancel))).Refusals).Message);
        Assert.Equal(ScheduleArticle.Reasons.SignOffMissing, Assert.Single((await ScheduleAsync(editor, id, new PublishTime(clock.GetUtcNow()))).Refusals).Message);
        var view = await WithAsync(s => s.GetRequiredService<AnswerSignOff>().ViewAsync(first, Cancel));
        Assert.True(view.Usable);
        Assert.Equal("“Energy conservation should be focused,”", view.QuotedPassages);
        Assert.Equal("“Energy conservation should be focused,” said Zeng.", Assert.Single(view.Quotes).Paragraph);

        Assert.Equal(AnswerSignOff.Reasons.CommentRequired, Assert.Single((await WithAsync(s => s.GetRequiredService<AnswerSignOff>().RunAsync(first, approve: false, " ", Cancel))).Refusals).Message);
        Assert.True((await WithAsync(s => s.GetRequiredService<AnswerSignOff>().RunAsync(first, approve: false, "I said “should be”, not “must”.", Cancel))).Succeeded);
        var changes = await LoadAsync(id);
        Assert.Equal((ArticleStatus.Draft, SignOffStatus.ChangesRequested, "I said “should be”, not “must”."), (changes.Status, changes.SignOff, changes.SignOffComment));
        Assert.Equal(AnswerSignOff.Reasons.NotUsable, Assert.Single((await WithAsync(s => s.GetRequiredService<AnswerSignOff>().RunAsync(first, approve: true, null, Cancel))).Refusals).Message);
        Assert.False((await WithAsync(s => s.GetRequiredService<AnswerSignOff>().ViewAsync(first, Cancel))).Usable);

        var second = await RequestAsync(id);
        Assert.NotEqual(first, second);
        Assert.True((await WithAsync(s => s.GetRequiredService<AnswerSignOff>().RunAsync(second, approve: true, null, Cancel))).Succeeded);
        var approved = await LoadAsync(id);
        Assert.Equal((ArticleStatus.EditorReview, SignOffStatus.Approved, null), (approved.Status, approved.SignOff, approved.SignOffTokenHash));
        Assert.Equal([false, true], recorder.Answered.Select(a => a.Approved));

        // Other words than the quotes change: the approval stands.
        Assert.True((await SaveAsync(writer, Content(body: "Chongqing should focus on emission reduction, Zeng said.", speakers: [speakerId]), id)).Succeeded);
        Assert.Equal(SignOffStatus.Approved, (await LoadAsync(id)).SignOff);

        // A quoted word changes in the Chinese text only: the approval was for the old words.
        Assert.True((await SaveAsync(writer, Content(body: "Chongqing should focus on emission reduction, Zeng said.", speakers: [speakerId], bodyZh: "曾刚说：“节能减排技术应当成为重点。”"), id)).Succeeded);
        Assert.Equal(SignOffStatus.NotRequested, (await LoadAsync(id)).SignOff);
        Assert.Contains("“节能减排技术应当成为重点。”", (await LoadAsync(id)).QuotedPassages, StringComparison.Ordinal);
        Assert.Equal(
            [ArticleEventKind.Created, ArticleEventKind.SignOffRequested, ArticleEventKind.SignOffChangesRequested, ArticleEventKind.SignOffRequested, ArticleEventKind.SignOffApproved, ArticleEventKind.Saved, ArticleEventKind.Saved],
            await HistoryAsync(id));
    }

    [Fact]
    public async Task Only_an_editor_schedules_and_publishing_without_sign_off_needs_a_recorded_override()
    {
        var id = await DraftAsync();
        Assert.True((await WithAsync(s => s.GetRequiredService<SubmitArticle>().RunAsync(writer, id, cancellationToken: Cancel))).Succeeded);
        var at = clock.GetUtcNow().AddHours(2);

        Assert.Equal(ArticleRules.Reasons.EditorsOnly, Assert.Single((await ScheduleAsync(writer, id, new PublishTime(at))).Refusals).Message);
        Assert.Equal(ScheduleArticle.Reasons.SignOffMissing, Assert.Single((await ScheduleAsync(editor, id, new PublishTime(at))).Refusals).Message);
        Assert.Equal(ScheduleArticle.Reasons.TimeRequired, Assert.Single((await ScheduleAsync(editor, id, new PublishTime(null), overrideSignOff: true)).Refusals).Message);
        Assert.True((await ScheduleAsync(editor, id, new PublishTime(at), overrideSignOff: true)).Succeeded);

        var scheduled = await LoadAsync(id);
        Assert.Equal((ArticleStatus.Scheduled, at, "editor@summit.test"), (scheduled.Status, scheduled.PublishAt, scheduled.SignOffOverriddenBy));
        Assert.Equal([ArticleEventKind.Created, ArticleEventKind.Submitted, ArticleEventKind.SignOffOverridden, ArticleEventKind.Scheduled], await HistoryAsync(id));
        Assert.Equal(SendBackArticle.Reasons.CommentRequired, Assert.Single((await WithAsync(s => s.GetRequiredService<SendBackArticle>().RunAsync(editor, id, "", cancellationToken: Cancel))).Refusals).Message);
        Assert.Equal(ArticleRules.Reasons.EditorsOnly, Assert.Single((await WithAsync(s => s.GetRequiredService<SendBackArticle>().RunAsync(writer, id, "Fix it", cancellationToken: Cancel))).Refusals).Message);
    }

    [Fact]
    public async Task The_job_publishes_a_due_article_once_even_when_two_runs_meet()
    {
        var id = await DraftAsync();
        var token = await RequestAsync(id);
        Assert.True((await WithAsync(s => s.GetRequiredService<AnswerSignOff>().RunAsync(token, approve: true, null, Cancel))).Succeeded);
        var at = clock.GetUtcNow().AddMinutes(30);
        Assert.True((await ScheduleAsync(editor, id, new PublishTime(at))).Succeeded);
        Assert.Empty(await PublishDueAsync());

        clock.Advance(TimeSpan.FromMinutes(31));
        // On threads of their own, released together: SQLite's async calls run synchronously, so plain tasks would take turns.
        using var start = new ManualResetEventSlim();
        var running = Enumerable.Range(0, 3).Select(_ => Task.Run(async () =>
        {
            start.Wait(Cancel);
            return await PublishDueAsync();
        }, Cancel)).ToList();
        start.Set();
        var runs = await Task.WhenAll(running);

        Assert.Equal([id], runs.SelectMany(r => r));
        var published = await LoadAsync(id);
        Assert.Equal((ArticleStatus.Published, clock.GetUtcNow()), (published.Status, published.FirstPublishedAt));
        Assert.Equal([id], recorder.Published);
        Assert.Single(await HistoryAsync(id), k => k == ArticleEventKind.Published);
        Assert.Empty(await PublishDueAsync());
    }

    [Fact]
    public async Task A_published_article_changed_carries_a_dated_correction_and_an_editor_can_take_it_off_the_site()
    {
        var id = await DraftAsync();
        Assert.True((await ScheduleAsync(editor, id, new PublishTime(clock.GetUtcNow()), overrideSignOff: true)).Succeeded);
        Assert.Single(await PublishDueAsync());
        clock.Advance(TimeSpan.FromDays(1));

        // What the public reads changes only by an editor's hand, with a dated note.
        Assert.Equal(ArticleRules.Reasons.PublishedEditorsOnly, Assert.Single((await SaveAsync(writer, Content(body: "Fixed figure: 40%.", speakers: [speakerId]), id, correction: "Typo.")).Refusals).Message);
        Assert.Equal(SaveArticle.Reasons.CorrectionRequired, Assert.Single((await SaveAsync(editor, Content(body: "Fixed figure: 40%."), id)).Refusals).Message);
        Assert.True((await SaveAsync(editor, Content(body: "Fixed figure: 40%.", speakers: [speakerId]), id, correction: "The share of the power industry was misprinted.")).Succeeded);

        var corrected = await LoadAsync(id);
        Assert.Equal(ArticleStatus.Published, corrected.Status);
        var correction = Assert.Single(corrected.Corrections);
        Assert.Equal(("The share of the power industry was misprinted.", clock.GetUtcNow()), (correction.Note, correction.At));
        Assert.True(corrected.FirstPublishedAt < correction.At);
        var draft = (await SaveAsync(writer, Content(slug: "another-draft"))).ArticleId!.Value;
        Assert.Equal(SaveArticle.Reasons.NotYetPublishedNote, Assert.Single((await SaveAsync(writer, Content(slug: "another-draft"), draft, correction: "Nothing to correct yet.")).Refusals).Message);

        Assert.Equal(ArticleRules.Reasons.EditorsOnly, Assert.Single((await WithAsync(s => s.GetRequiredService<UnpublishArticle>().RunAsync(writer, id, "Legal", cancellationToken: Cancel))).Refusals).Message);
        Assert.Equal(UnpublishArticle.Reasons.ReasonRequired, Assert.Single((await WithAsync(s => s.GetRequiredService<UnpublishArticle>().RunAsync(editor, id, null, cancellationToken: Cancel))).Refusals).Message);
        Assert.True((await WithAsync(s => s.GetRequiredService<UnpublishArticle>().RunAsync(editor, id, "The speaker withdrew permission.", cancellationToken: Cancel))).Succeeded);
        Assert.Equal((ArticleStatus.Unpublished, "The speaker withdrew permission."), ((await LoadAsync(id)).Status, (await LoadAsync(id)).StatusNote));
    }

    [Fact]
    public async Task A_restored_revision_brings_back_the_old_words_as_a_new_revision()
    {
        var id = await DraftAsync();
        Assert.True((await SaveAsync(writer, Content(body: "The second version.", speakers: [speakerId]), id)).Succeeded);

        Assert.True((await WithAsync(s => s.GetRequiredService<RestoreArticleRevision>().RunAsync(writer, id, 1, expectedRevision: 2, cancellationToken: Cancel))).Succeeded);

        var restored = await LoadAsync(id);
        Assert.Equal(("Chongqing should focus on emission reduction.\n\n“Energy conservation should be focused,” said Zeng.", 3), (restored.BodyEn, restored.Revision));
        Assert.Equal(1, await WithAsync(s => s.GetRequiredService<SummitDbContext>().ArticleRevisions.Where(r => r.ArticleId == id && r.Number == 3).Select(r => r.RestoredFrom).FirstAsync(Cancel)));
        Assert.Equal(RestoreArticleRevision.Reasons.RevisionNotFound, Assert.Single((await WithAsync(s => s.GetRequiredService<RestoreArticleRevision>().RunAsync(writer, id, 42, cancellationToken: Cancel))).Refusals).Message);
        Assert.Equal(ArticleRules.Reasons.NotFound, Assert.Single((await WithAsync(s => s.GetRequiredService<RestoreArticleRevision>().RunAsync(otherWriter, id, 1, cancellationToken: Cancel))).Refusals).Message);
    }

    [Fact]
    public async Task A_time_relative_to_a_session_follows_it_when_it_moves_and_holds_the_article_when_it_is_cancelled()
    {
        var (session, room, start) = await WithAsync(async s =>
        {
            var programme = s.GetRequiredService<SaveProgrammeItem>();
            var venue = (await programme.SaveVenueAsync(editionId, null, "Venue", "场地", Cancel)).Id!.Value;
            var room = (await programme.SaveRoomAsync(editionId, null, venue, new RoomDetails("Hall", "大厅", 300, SessionLanguage.English, null, 1), Cancel)).Id!.Value;
            var type = (await programme.SaveTypeAsync(editionId, null, "Talk", "演讲", false, 1, Cancel)).Id!.Value;
            var session = (await s.GetRequiredService<SaveSession>().RunAsync(editionId, null, new SessionDetails(
                "Carbon finance", "碳金融", null, null, type, null, SessionLanguage.English, false, null, [new SessionSpeakerDetails(speakerId, SessionSpeakerRole.Speaker)]), Cancel)).SessionId!.Value;
            var start = ScheduleTime.ToUtc(new DateOnly(2027, 11, 5), new TimeOnly(10, 0), Shanghai);
            Assert.True((await s.GetRequiredService<ScheduleSession>().PlaceAsync(editionId, session, room, start, start.AddHours(1), Cancel)).Succeeded);
            Assert.True((await s.GetRequiredService<PublishSchedule>().RunAsync(editionId, null, null, cancellationToken: Cancel)).Succeeded);
            return (session, room, start);
        });
        var id = await DraftAsync(sessions: [session]);
        var other = (await SaveAsync(writer, Content(slug: "unpublished-session"), null)).ArticleId!.Value;

        Assert.Equal(ScheduleArticle.Reasons.OffsetRange, Assert.Single((await ScheduleAsync(editor, id, new PublishTime(null, session, SessionAnchor.End, 8 * 24 * 60), overrideSignOff: true)).Refusals).Message);
        Assert.Equal(ScheduleArticle.Reasons.SessionNotPublished, Assert.Single((await ScheduleAsync(editor, other, new PublishTime(null, session + 1000, SessionAnchor.End, 10), overrideSignOff: true)).Refusals).Message);
        Assert.True((await ScheduleAsync(editor, id, new PublishTime(null, session, SessionAnchor.End, 10), overrideSignOff: true)).Succeeded);
        Assert.Equal(start.AddMinutes(70), (await LoadAsync(id)).PublishAt);

        // The session moves to the afternoon in a new programme version: the article follows.
        await WithAsync(async s =>
        {
            Assert.True((await s.GetRequiredService<ScheduleSession>().PlaceAsync(editionId, session, room, start.AddHours(4), start.AddHours(5), Cancel)).Succeeded);
            Assert.True((await s.GetRequiredService<PublishSchedule>().RunAsync(editionId, null, null, cancellationToken: Cancel)).Succeeded);
            return 0;
        });
        Assert.Equal(start.AddHours(5).AddMinutes(10), (await LoadAsync(id)).PublishAt);

        // Cancelled: held, and the authors told; the job leaves it alone.
        await WithAsync(async s =>
        {
            Assert.True((await s.GetRequiredService<ScheduleSession>().CancelAsync(editionId, session, Cancel)).Succeeded);
            Assert.True((await s.GetRequiredService<PublishSchedule>().RunAsync(editionId, null, null, cancellationToken: Cancel)).Succeeded);
            return 0;
        });
        var held = await LoadAsync(id);
        Assert.Equal((ArticleStatus.Held, "session cancelled"), (held.Status, held.StatusNote));
        Assert.Equal([(id, session)], recorder.Held.Select(h => (h.ArticleId, h.SessionId)));
        clock.Advance(TimeSpan.FromDays(10));
        Assert.Empty(await PublishDueAsync());
        Assert.Equal(ScheduleArticle.Reasons.SessionCancelled, Assert.Single((await ScheduleAsync(editor, id, new PublishTime(null, session, SessionAnchor.End, 10), overrideSignOff: true)).Refusals).Message);
    }

    [Fact]
    public async Task Authors_add_press_co_authors_keep_at_least_one_and_only_they_add_photos_with_a_credit()
    {
        var id = await DraftAsync();
        await WithAsync(async s =>
        {
            var db = s.GetRequiredService<SummitDbContext>();
            var role = new Microsoft.AspNetCore.Identity.IdentityRole(Roles.Press) { NormalizedName = Roles.Press.ToUpperInvariant() };
            db.Roles.Add(role);
            db.UserRoles.Add(new Microsoft.AspNetCore.Identity.IdentityUserRole<string> { RoleId = role.Id, UserId = otherWriter.UserId });
            await db.SaveChangesAsync(Cancel);
            return 0;
        });

        Assert.Equal(ChangeArticleAuthors.Reasons.NotPress, Assert.Single((await WithAsync(s => s.GetRequiredService<ChangeArticleAuthors>().AddAsync(writer, id, "editor@summit.test", Cancel))).Refusals).Message);
        Assert.Equal(ArticleRules.Reasons.NotFound, Assert.Single((await WithAsync(s => s.GetRequiredService<ChangeArticleAuthors>().AddAsync(otherWriter, id, "other@press.test", Cancel))).Refusals).Message);
        Assert.True((await WithAsync(s => s.GetRequiredService<ChangeArticleAuthors>().AddAsync(writer, id, " OTHER@press.test ", Cancel))).Succeeded);
        Assert.Equal(ChangeArticleAuthors.Reasons.AlreadyAuthor, Assert.Single((await WithAsync(s => s.GetRequiredService<ChangeArticleAuthors>().AddAsync(writer, id, "other@press.test", Cancel))).Refusals).Message);
        // Now an author, the other writer may change the draft.
        Assert.True((await SaveAsync(otherWriter, Content(body: "Co-written.", speakers: [speakerId]), id)).Succeeded);
        Assert.True((await WithAsync(s => s.GetRequiredService<ChangeArticleAuthors>().RemoveAsync(otherWriter, id, writer.UserId, Cancel))).Succeeded);
        Assert.Equal(ChangeArticleAuthors.Reasons.LastAuthor, Assert.Single((await WithAsync(s => s.GetRequiredService<ChangeArticleAuthors>().RemoveAsync(otherWriter, id, otherWriter.UserId, Cancel))).Refusals).Message);
        Assert.Equal(ArticleRules.Reasons.NotFound, Assert.Single((await SaveAsync(writer, Content(body: "Locked out.", speakers: [speakerId]), id)).Refusals).Message);

        var photo = Summit.Testing.TestImages.Jpeg(800, 600);
        Task<(int? Number, IReadOnlyList<Refusal> Refusals)> Upload(ArticleActor actor, string? credit, bool cover = false, bool social = false) =>
            WithAsync(s => s.GetRequiredService<ArticlePhotos>().UploadAsync(actor, id, photo, new ArticlePhotoDetails("A caption", null, credit, cover, social), Cancel));
        Assert.Equal(ArticlePhotos.Reasons.CreditRequired, Assert.Single((await Upload(otherWriter, " ")).Refusals).Message);
        Assert.Equal(ArticleRules.Reasons.NotFound, Assert.Single((await Upload(writer, "Me")).Refusals).Message);
        Assert.Equal(1, (await Upload(otherWriter, "iChongqing / Vivian Yan", cover: true)).Number);
        Assert.Equal(2, (await Upload(otherWriter, "iChongqing file photo", cover: true)).Number);
        Assert.Empty(await WithAsync(s => s.GetRequiredService<ArticlePhotos>().ChooseAsync(editor, id, 1, cover: false, Cancel)));
        var photos = await WithAsync(s => s.GetRequiredService<SummitDbContext>().ArticlePhotos.AsNoTracking().Where(p => p.ArticleId == id).OrderBy(p => p.Number).ToListAsync(Cancel));
        Assert.Equal([(1, false, true), (2, true, false)], photos.Select(p => (p.Number, p.IsCover, p.IsSocial)));
        Assert.Empty(await WithAsync(s => s.GetRequiredService<ArticlePhotos>().RemoveAsync(otherWriter, id, 2, Cancel)));
        Assert.Equal(ArticlePhotos.Reasons.PhotoNotFound, Assert.Single(await WithAsync(s => s.GetRequiredService<ArticlePhotos>().RemoveAsync(otherWriter, id, 2, Cancel))).Message);
    }

    [Fact]
    public async Task A_scheduled_article_changed_by_its_author_or_in_its_quotes_goes_back_to_the_editors_and_an_override_ends_the_speakers_link()
    {
        var id = await DraftAsync();
        var token = await RequestAsync(id);
        Assert.True((await ScheduleAsync(editor, id, new PublishTime(clock.GetUtcNow().AddHours(1)), overrideSignOff: true)).Succeeded);
        Assert.False((await WithAsync(s => s.GetRequiredService<AnswerSignOff>().ViewAsync(token, Cancel))).Usable);
        Assert.Equal(AnswerSignOff.Reasons.NotUsable, Assert.Single((await WithAsync(s => s.GetRequiredService<AnswerSignOff>().RunAsync(token, approve: true, null, Cancel))).Refusals).Message);

        // The editor's own edit keeps the schedule; the author's sends it back to the editors.
        Assert.True((await SaveAsync(editor, Content(body: "Tightened by the desk.", speakers: [speakerId]), id)).Succeeded);
        Assert.Equal(ArticleStatus.Scheduled, (await LoadAsync(id)).Status);
        Assert.True((await SaveAsync(writer, Content(body: "A late change.", speakers: [speakerId]), id)).Succeeded);
        Assert.Equal(ArticleStatus.EditorReview, (await LoadAsync(id)).Status);
        clock.Advance(TimeSpan.FromHours(2));
        Assert.Empty(await PublishDueAsync());

        // Scheduled again after approval; then the editor changes the quotes: the approval is gone, so is the schedule.
        Assert.True((await ScheduleAsync(editor, id, new PublishTime(clock.GetUtcNow().AddHours(1)), overrideSignOff: true)).Succeeded);
        Assert.True((await SaveAsync(editor, Content(quotes: "“Other words entirely,” said Zeng.", speakers: [speakerId]), id)).Succeeded);
        Assert.Equal((ArticleStatus.EditorReview, SignOffStatus.NotRequested), ((await LoadAsync(id)).Status, (await LoadAsync(id)).SignOff));
        Assert.Equal(2, (await HistoryAsync(id)).Count(k => k == ArticleEventKind.Unscheduled));
        Assert.Contains(SaveArticle.Check(Content() with { Kind = (ArticleKind)42 }), r => r.Message == SaveArticle.Reasons.KindUnknown);
    }

    [Fact]
    public async Task Photos_quotes_and_stale_forms_cannot_slip_past_the_editors()
    {
        var id = (await SaveAsync(writer, Content(slug: "a-report", quotes: null) with { Kind = ArticleKind.Report })).ArticleId!.Value;
        Assert.True((await ScheduleAsync(editor, id, new PublishTime(clock.GetUtcNow().AddHours(1)))).Succeeded);
        var stamp = (await LoadAsync(id)).ConcurrencyStamp;

        // An editor adds a quote to the scheduled report: it needs the speaker now, so it leaves the schedule.
        Assert.True((await SaveAsync(editor, Content(slug: "a-report", speakers: [speakerId]) with { Kind = ArticleKind.Report }, id)).Succeeded);
        Assert.Equal(ArticleStatus.EditorReview, (await LoadAsync(id)).Status);

        // The editor's form was opened before that change: the schedule it posts is refused.
        Assert.Equal(ArticleRules.Reasons.Stale, Assert.Single((await WithAsync(s => s.GetRequiredService<ScheduleArticle>().RunAsync(editor, id, new PublishTime(clock.GetUtcNow()), true, stamp, Cancel))).Refusals).Message);
        var fresh = (await LoadAsync(id)).ConcurrencyStamp;
        Assert.True((await WithAsync(s => s.GetRequiredService<ScheduleArticle>().RunAsync(editor, id, new PublishTime(clock.GetUtcNow().AddHours(1)), true, fresh, Cancel))).Succeeded);

        // The author adds a photo to the scheduled article: back to the editors.
        var photo = Summit.Testing.TestImages.Jpeg(800, 600);
        Assert.Equal(1, (await WithAsync(s => s.GetRequiredService<ArticlePhotos>().UploadAsync(writer, id, photo, new ArticlePhotoDetails(null, null, "Me", IsCover: true), Cancel))).Number);
        Assert.Equal(ArticleStatus.EditorReview, (await LoadAsync(id)).Status);
        Assert.Contains(ArticleEventKind.Unscheduled, await HistoryAsync(id));

        // Published: the author can no longer change its photos or authors; an editor's change of quotes is recorded.
        Assert.True((await ScheduleAsync(editor, id, new PublishTime(clock.GetUtcNow()), overrideSignOff: true)).Succeeded);
        Assert.Single(await PublishDueAsync());
        Assert.Equal(ArticleRules.Reasons.PublishedEditorsOnly, Assert.Single((await WithAsync(s => s.GetRequiredService<ArticlePhotos>().RemoveAsync(writer, id, 1, Cancel)))).Message);
        Assert.Equal(ArticleRules.Reasons.PublishedEditorsOnly, Assert.Single((await WithAsync(s => s.GetRequiredService<ArticlePhotos>().UploadAsync(writer, id, photo, new ArticlePhotoDetails(null, null, "Me", false), Cancel))).Refusals).Message);
        var overrides = (await HistoryAsync(id)).Count(k => k == ArticleEventKind.SignOffOverridden);
        Assert.True((await SaveAsync(editor, Content(slug: "a-report", quotes: "“Corrected words this time,” said Zeng.", speakers: [speakerId]) with { Kind = ArticleKind.Report }, id, correction: "A word of the quote was wrong.")).Succeeded);
        var corrected = await LoadAsync(id);
        Assert.Equal((ArticleStatus.Published, "editor@summit.test"), (corrected.Status, corrected.SignOffOverriddenBy));
        Assert.Equal(overrides + 1, (await HistoryAsync(id)).Count(k => k == ArticleEventKind.SignOffOverridden));
    }

    private sealed class Recorder : IArticleListener, IConsequenceHandler<SignOffRequested>, IConsequenceHandler<SignOffAnswered>, IConsequenceHandler<ArticleHeld>
    {
        public List<SignOffRequested> Requested { get; } = [];

        public List<SignOffAnswered> Answered { get; } = [];

        public List<ArticleHeld> Held { get; } = [];

        public List<int> Published { get; } = [];

        public Task HandleAsync(SignOffRequested requested, CancellationToken cancellationToken)
        {
            Requested.Add(requested);
            return Task.CompletedTask;
        }

        public Task HandleAsync(SignOffAnswered answered, CancellationToken cancellationToken)
        {
            Answered.Add(answered);
            return Task.CompletedTask;
        }

        public Task HandleAsync(ArticleHeld held, CancellationToken cancellationToken)
        {
            Held.Add(held);
            return Task.CompletedTask;
        }

        public Task HandleAsync(ArticlePublished published, CancellationToken cancellationToken)
        {
            lock (Published)
            {
                Published.Add(published.ArticleId);
            }

            return Task.CompletedTask;
        }
    }
}
