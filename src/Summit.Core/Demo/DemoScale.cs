using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Summit.Core.Accounts;
using Summit.Core.Data;
using Summit.Core.Editions;
using Summit.Core.Mail;
using Summit.Core.Press;
using Summit.Core.Registrations;
using Summit.Core.Scheduling;
using Summit.Core.Speakers;

namespace Summit.Core.Demo;

/// <summary>
/// <c>Demo:Scale</c> = N adds an edition the size of N tenths of a large summit (issue 22, item 6), for benchmarks and
/// for trying the lists at size: at 10, 600 sessions over 4 days and 12 rooms, 400 speakers, 20,000 registrations
/// (some waiting, some pending approval, some cancelled), each confirmed one with its sent confirmation in the mail
/// log, and 200
/// published reports. The same shape at every N, so pages at N = 1 and N = 10 compare. Generated rows go in as a
/// bulk import would: through the entities, audited, with no emails sent and no badges rendered.
/// </summary>
public sealed class DemoScale(
    SummitDbContext db,
    IOptions<DemoOptions> options,
    PublishSchedule publish,
    SaveCategory saveCategory,
    SaveArticle saveArticle,
    TimeProvider clock,
    ILogger<DemoScale> logger)
{
    public const string Slug = "2030";

    /// <summary>Days of the summit up to Demo:Scale=10; more sessions than fit take more days.</summary>
    public const int Days = 4;

    /// <summary>45-minute slots a room has in a day, 08:30 to 18:15.</summary>
    public const int SlotsPerDay = 13;
    public const int Rooms = 12;
    public const int SessionsPerTenth = 60;
    public const int SpeakersPerTenth = 40;
    public const int RegistrationsPerTenth = 2000;
    public const int ArticlesPerTenth = 20;

    /// <summary>Rows saved at once: big enough to be quick, small enough that the change tracker stays small.</summary>
    private const int Batch = 1000;

    private static readonly string[] FamilyZh = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "高"];
    private static readonly string[] FamilyLatin = ["Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu", "Sun", "Ma", "Zhu", "Hu", "Guo", "He", "Lin", "Luo", "Gao"];
    private static readonly string[] GivenZh = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀英", "霞", "平"];
    private static readonly string[] GivenLatin = ["Wei", "Fang", "Na", "Min", "Jing", "Li", "Qiang", "Lei", "Jun", "Yang", "Yong", "Yan", "Jie", "Juan", "Tao", "Ming", "Chao", "Xiuying", "Xia", "Ping"];
    private static readonly string[] Organisations = ["Bank of Chongqing", "DBS Bank", "OCBC", "UOB", "China Construction Bank", "Chongqing Rural Commercial Bank", "Temasek", "GIC", "Singapore Exchange", "Chongqing Stock Exchange Service Centre"];
    private static readonly string[] Countries = ["CN", "SG", "CN", "CN", "SG", "MY", "ID", "TH", "VN", "GB"];

    /// <summary>The days that hold <paramref name="sessions"/> in <see cref="Rooms"/> rooms of <see cref="SlotsPerDay"/> slots: 4 at least.</summary>
    public static int DaysFor(int sessions) => Math.Max(Days, (sessions + (Rooms * SlotsPerDay) - 1) / (Rooms * SlotsPerDay));

    /// <summary>Adds the edition when <c>Demo:Scale</c> asks for it and it is not there yet.</summary>
    public async Task<bool> SeedIfAskedAsync(CancellationToken cancellationToken = default)
    {
        var tenths = options.Value.Scale;
        if (tenths <= 0)
        {
            return false;
        }

        if (await db.Editions.AsNoTracking().Where(e => e.Slug == Slug).Select(e => (int?)e.Id).FirstOrDefaultAsync(cancellationToken) is int existing)
        {
            // Made by an earlier start: at another scale, or cut short by a crash (the edition is saved first).
            var sessionCount = await db.Sessions.CountAsync(s => s.EditionId == existing, cancellationToken);
            var registrationCount = await db.Registrations.CountAsync(r => r.EditionId == existing, cancellationToken);
            if (sessionCount != SessionsPerTenth * tenths || registrationCount != RegistrationsPerTenth * tenths)
            {
                logger.LogWarning(
                    "The size-test edition {Slug} has {Sessions} sessions and {Registrations} registrations, not the {ExpectedSessions} and {ExpectedRegistrations} of Demo:Scale={Scale}: it was made at another scale or its seed was interrupted. Start on an empty store to make it again.",
                    Slug, sessionCount, registrationCount, SessionsPerTenth * tenths, RegistrationsPerTenth * tenths, tenths);
            }

            return false;
        }

        using var actor = Audit.AuditActor.Use(Audit.AuditActor.Job("demo scale"));
        var started = clock.GetTimestamp();
        var now = clock.GetUtcNow();
        var days = DaysFor(SessionsPerTenth * tenths);
        var edition = Edition.Create(
            new EditionDetails(
                Slug, "CCI-FS 2030 (size test)", "2030中新金融峰会（规模测试）", null, null, new DateOnly(2030, 11, 4), new DateOnly(2030, 11, 4).AddDays(days - 1),
                "Chongqing Yuelai International Convention Center", "重庆悦来国际会议中心", "Chongqing", "重庆", "Asia/Shanghai", EditionStatus.Open),
            now,
            isDemo: true);
        db.Editions.Add(edition);
        await db.SaveChangesAsync(cancellationToken);

        var speakers = await SeedSpeakersAsync(edition, SpeakersPerTenth * tenths, now, cancellationToken);
        var sessions = await SeedProgrammeAsync(edition, speakers, SessionsPerTenth * tenths, days, now, cancellationToken);
        await SeedRegistrationsAsync(edition.Id, RegistrationsPerTenth * tenths, now, cancellationToken);
        await SeedArticlesAsync(edition.Id, speakers, sessions, ArticlesPerTenth * tenths, cancellationToken);

        logger.LogWarning(
            "Seeded the size-test edition {Slug} at Demo:Scale={Scale} in {Seconds:F1} s: {Sessions} sessions, {Speakers} speakers, {Registrations} registrations, {Articles} articles.",
            Slug, tenths, clock.GetElapsedTime(started).TotalSeconds, sessions.Count, speakers.Count, RegistrationsPerTenth * tenths, ArticlesPerTenth * tenths);
        return true;
    }

    private async Task<List<int>> SeedSpeakersAsync(Edition edition, int count, DateTimeOffset now, CancellationToken cancellationToken)
    {
        for (var i = 0; i < count; i++)
        {
            var (family, given) = (i % FamilyZh.Length, i / FamilyZh.Length % GivenZh.Length);
            var speaker = Speaker.Create(
                new SpeakerDetails(
                    $"size-{i + 1}-{FamilyLatin[family].ToLowerInvariant()}-{GivenLatin[given].ToLowerInvariant()}", FamilyZh[family], GivenZh[given], FamilyLatin[family], GivenLatin[given], true,
                    null, null, Countries[i % Countries.Length],
                    $"An economist at {Organisations[i % Organisations.Length]}, speaking on cross-border finance.", $"{Organisations[i % Organisations.Length]}经济学家，研究跨境金融。", null,
                    [new PositionDetails("Chief economist", "首席经济学家", Organisations[i % Organisations.Length], null)], []),
                now,
                isDemo: true);
            speaker.MarkFor(edition);
            db.Speakers.Add(speaker);
            if ((i + 1) % Batch == 0)
            {
                await db.SaveChangesAsync(cancellationToken);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return await db.Speakers.Where(s => s.Slug.StartsWith("size-")).OrderBy(s => s.Id).Select(s => s.Id).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Twelve rooms side by side, 45-minute slots from 08:30 (13 a day), the sessions spread evenly over the days; each slot's
    /// sessions have different speakers (two each), so the programme passes every rule and publishes.
    /// </summary>
    private async Task<List<int>> SeedProgrammeAsync(Edition edition, List<int> speakers, int count, int days, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var venue = Venue.Create(edition.Id, "Yuelai Convention Center", "悦来国际会议中心");
        db.Venues.Add(venue);
        await db.SaveChangesAsync(cancellationToken);
        var rooms = Enumerable.Range(1, Rooms).Select(r => Room.Create(edition.Id, venue.Id, new RoomDetails($"Hall {r}", $"{r}号厅", 100 + (r * 20), r % 2 == 0 ? SessionLanguage.Chinese : SessionLanguage.English, r <= 2 ? "EN↔ZH" : null, r))).ToList();
        var tracks = DemoProgramme.Tracks.Select((t, i) => Track.Create(edition.Id, t.En, t.Zh, t.Colour, i + 1)).ToList();
        var types = DemoProgramme.Types.Where(t => !t.IsBreak).Select((t, i) => SessionType.Create(edition.Id, t.En, t.Zh, false, i + 1)).ToList();
        db.Rooms.AddRange(rooms);
        db.Tracks.AddRange(tracks);
        db.SessionTypes.AddRange(types);
        await db.SaveChangesAsync(cancellationToken);

        var zone = edition.TimeZone;
        var perDay = (count + days - 1) / days;
        for (var i = 0; i < count; i++)
        {
            var (day, inDay) = (i / perDay, i % perDay);
            var (slot, room) = (inDay / Rooms, inDay % Rooms);
            var first = ((day * 7) + (slot * Rooms * 2) + (room * 2)) % speakers.Count;
            var session = Session.Create(
                edition.Id,
                new SessionDetails(
                    $"Forum {i + 1}: connectivity, capital and green finance", $"第{i + 1}场论坛：互联互通、资本与绿色金融",
                    $"Forum {i + 1} of the size test: **cross-border** payments, green bonds and the New International Land-Sea Trade Corridor.",
                    $"规模测试第{i + 1}场：**跨境**支付、绿色债券与西部陆海新通道。",
                    types[i % types.Count].Id, tracks[i % tracks.Count].Id, i % 3 == 0 ? SessionLanguage.EnglishAndChinese : i % 3 == 1 ? SessionLanguage.English : SessionLanguage.Chinese,
                    room < 2, null,
                    [new(speakers[first], SessionSpeakerRole.Moderator), new(speakers[(first + 1) % speakers.Count], SessionSpeakerRole.Speaker)]),
                now,
                isDemo: true);
            var start = ScheduleTime.ToUtc(edition.StartDate.AddDays(day), new TimeOnly(8, 30).AddMinutes(45 * slot), zone);
            session.Place(rooms[room].Id, start, start.AddMinutes(45), now);
            db.Sessions.Add(session);
            if ((i + 1) % Batch == 0)
            {
                await db.SaveChangesAsync(cancellationToken);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        var published = await publish.RunAsync(edition.Id, "size test", null, cancellationToken: cancellationToken);
        if (!published.Succeeded)
        {
            throw new InvalidOperationException("Size-test programme: " + string.Join("; ", published.Refusals.Select(r => r.Message)));
        }

        return await db.Sessions.Where(s => s.EditionId == edition.Id).OrderBy(s => s.Id).Select(s => s.Id).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The demo's categories, with the delegates' capacity a little under the demand so the last ones wait; VIPs
    /// and press partly pending approval; one in twenty-five cancelled. Each confirmed one has its confirmation in the
    /// mail log, sent. Created over the eight weeks before the summit, so the dashboard's chart has a shape.
    /// </summary>
    private async Task SeedRegistrationsAsync(int editionId, int count, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Delegates (a capacity a little under the demand), VIPs and press (approval), the rest unlimited.
        var categories = new Dictionary<string, int>(StringComparer.Ordinal);
        var delegateCapacity = count * 7 / 10;
        foreach (var category in DemoContent.Categories)
        {
            var capacity = category.NameEn == "Delegate" ? delegateCapacity : category.Capacity is null ? (int?)null : count;
            var saved = await saveCategory.RunAsync(editionId, null, category with { Capacity = capacity }, cancellationToken);
            categories[category.NameEn] = saved.CategoryId ?? throw new InvalidOperationException("Size-test category: " + string.Join("; ", saved.Refusals.Select(r => r.Message)));
        }

        var (delegates, vip, press) = (categories["Delegate"], categories["VIP"], categories["Press"]);
        var confirmedDelegates = 0;
        var ticket = 0;
        for (var i = 0; i < count; i++)
        {
            var (family, given) = (i % FamilyZh.Length, i / FamilyZh.Length % GivenZh.Length);
            var chinese = i % 2 == 0;
            var category = (i % 20) switch { 0 => vip, 1 => press, _ => delegates };
            var created = now.AddDays(-56).AddMinutes(i * 56.0 * 24 * 60 / count);
            var registration = Registration.Create(
                editionId,
                category,
                new RegistrationDetails(
                    chinese ? FamilyZh[family] : null, chinese ? GivenZh[given] : null, FamilyLatin[family], GivenLatin[given], !chinese,
                    Organisations[i % Organisations.Length], "Analyst", $"attendee-{i + 1}@size-test.example", null, Countries[i % Countries.Length],
                    chinese ? "zh-Hans" : "en", i % 9 == 0 ? "Vegetarian" : null, null, i % 4 == 0, true, "2030-1"),
                Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)),
                created);
            var status = i % 25 == 24 ? RegistrationStatus.Cancelled
                : category == delegates ? (confirmedDelegates < delegateCapacity ? RegistrationStatus.Confirmed : RegistrationStatus.Waitlisted)
                : i % 40 < 20 ? RegistrationStatus.PendingApproval : RegistrationStatus.Confirmed;
            if (status == RegistrationStatus.Confirmed && category == delegates)
            {
                confirmedDelegates++;
            }

            registration.MoveTo(status, created, status == RegistrationStatus.Waitlisted ? ++ticket : null);
            db.Registrations.Add(registration);
            if (status == RegistrationStatus.Confirmed)
            {
                var mail = new OutgoingMail(
                    "registration.confirmed", registration.Email, registration.DisplayName(chinese), registration.PreferredCulture,
                    chinese ? "您的注册已确认" : "Your registration is confirmed", "<p>Confirmed.</p>", "Confirmed.", created);
                mail.BeginAttempt(created, TimeSpan.FromMinutes(1));
                mail.MarkSent(created.AddSeconds(2));
                db.OutgoingMails.Add(mail);
            }

            if ((i + 1) % Batch == 0)
            {
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();

        // The seat counters the registration rules keep (SeatLedger), as the rows just written have them.
        foreach (var id in categories.Values)
        {
            var confirmed = await db.Registrations.CountAsync(r => r.CategoryId == id && r.Status == RegistrationStatus.Confirmed, cancellationToken);
            var lastTicket = await db.Registrations.Where(r => r.CategoryId == id).MaxAsync(r => r.WaitlistTicket, cancellationToken) ?? 0;
            await db.RegistrationCategories.Where(c => c.Id == id)
                .ExecuteUpdateAsync(u => u.SetProperty(c => c.Confirmed, confirmed).SetProperty(c => c.LastWaitlistTicket, lastTicket), cancellationToken);
        }
    }

    /// <summary>Reports by the demo Press account, each on one speaker and the session, published a day apart.</summary>
    private async Task SeedArticlesAsync(int editionId, List<int> speakers, List<int> sessions, int count, CancellationToken cancellationToken)
    {
        var pressEmail = DemoContent.Accounts.First(a => a.Role == Roles.Press).Email;
        var press = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Email == pressEmail, cancellationToken);
        if (press is null)
        {
            return;
        }

        var actor = new ArticleActor(press.Id, press.Email!, press.DisplayName, IsEditor: false);
        var first = clock.GetUtcNow().AddDays(-count);
        for (var i = 0; i < count; i++)
        {
            var content = new ArticleContent(
                ArticleKind.Report, $"size-test-report-{i + 1}", $"Report {i + 1}: what the forum said about cross-border finance", $"报道{i + 1}：论坛谈跨境金融",
                "Speakers from Chongqing and Singapore compared notes on payments, bonds and trade.", "来自重庆和新加坡的嘉宾就支付、债券和贸易交流经验。",
                "The forum opened with the corridor's figures.\n\n### Payments\n\nCross-border payments grew again this year.", "论坛以通道数据开场。\n\n### 支付\n\n跨境支付今年继续增长。",
                "CHONGQING", "重庆", null, null, null, ["green finance", "size test"], [], [speakers[i % speakers.Count]], [sessions[i % sessions.Count]]);
            var saved = await saveArticle.RunAsync(actor, editionId, null, content, cancellationToken: cancellationToken);
            if (!saved.Succeeded)
            {
                throw new InvalidOperationException($"Size-test article {i + 1} was refused: {string.Join("; ", saved.Refusals.Select(r => r.Message))}");
            }

            var article = await db.Articles.FirstAsync(a => a.Id == saved.ArticleId!.Value, cancellationToken);
            var at = first.AddDays(i);
            article.RecordPublishedReport(speakers[i % speakers.Count], at);
            db.ArticleEvents.Add(new ArticleEvent(article.Id, ArticleEventKind.Published, null, "demo: size test", at));
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
    }
}
