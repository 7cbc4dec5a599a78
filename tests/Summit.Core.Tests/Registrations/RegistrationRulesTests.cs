using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Summit.Core.Consequences;
using Summit.Core.Data;
using Summit.Core.Editions;
using Summit.Core.Registrations;
using Summit.Core.Scheduling;
using Summit.Testing;

namespace Summit.Core.Tests.Registrations;

/// <summary>Every registration transition and refusal, against a real SQLite file with Core's own services and a fake clock.</summary>
public sealed class RegistrationRulesTests : IAsyncLifetime
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("summit-registrations-");
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.Zero));
    private ServiceProvider services = null!;
    private int editionId;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        TestDatabases.CopySqliteTemplate(folder.FullName);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:Path"] = folder.FullName }).Build();
        var collection = new ServiceCollection().AddLogging();
        collection.AddSummitCore(configuration);
        collection.AddSingleton<TimeProvider>(clock);
        collection.AddConsequence<BadgesChanged, BadgeRecorder>("badges");
        services = collection.BuildServiceProvider();
        using var scope = services.CreateScope();
        var saved = await scope.ServiceProvider.GetRequiredService<SaveEdition>().RunAsync(null, new EditionDetails(
            "2027", "CCI-FS 2027", "2027峰会", null, null, new DateOnly(2027, 11, 5), new DateOnly(2027, 11, 6), "Venue", "场地", "Chongqing", "重庆", "Asia/Shanghai", EditionStatus.Open), Cancel);
        editionId = saved.EditionId!.Value;
    }

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        folder.Delete(recursive: true);
    }

    private static RegistrationDetails Person(string email, string? familyLatin = "Tan", string? givenLatin = "Wei", bool consent = true, string? country = "SG") =>
        new(null, null, familyLatin, givenLatin, false, "Bank", "Economist", email, null, country, "en", null, null, false, consent, "2026-11");

    private async Task<int> CategoryAsync(int? capacity, bool approval = false, bool invitation = false, DateTimeOffset? opens = null, DateTimeOffset? closes = null)
    {
        using var scope = services.CreateScope();
        var saved = await scope.ServiceProvider.GetRequiredService<SaveCategory>().RunAsync(editionId, null, new CategoryDetails("Delegate", "代表", null, null, CategoryKind.General, capacity, approval, invitation, opens, closes, 1), Cancel);
        return saved.CategoryId!.Value;
    }

    private async Task<RegistrationOutcome> RegisterAsync(int category, RegistrationDetails details, string? code = null)
    {
        using var scope = services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<RegisterAttendee>().RunAsync(category, details, code, cancellationToken: Cancel);
    }

    private async Task<T> WithAsync<T>(Func<IServiceProvider, Task<T>> use)
    {
        using var scope = services.CreateScope();
        return await use(scope.ServiceProvider);
    }

    [Theory]
    [InlineData("not-an-address", "Tan", "Wei", true, "SG", RegisterAttendee.Reasons.EmailInvalid)]
    [InlineData("a@b.example", null, null, true, "SG", RegisterAttendee.Reasons.NameRequired)]
    [InlineData("a@b.example", "Tan", null, true, "SG", RegisterAttendee.Reasons.NameRequired)]
    [InlineData("a@b.example", "Tan", "Wei", false, "SG", RegisterAttendee.Reasons.ConsentRequired)]
    [InlineData("a@b.example", "Tan", "Wei", true, "XX1", RegisterAttendee.Reasons.CountryUnknown)]
    [InlineData("a@b.example", "Tan\u0000", "Wei", true, "SG", RegisterAttendee.Reasons.ControlCharacters)]
    [InlineData("a@b.example", "<script>alert(1)</script>", "Wei", true, "SG", RegisterAttendee.Reasons.Markup)]
    [InlineData("a@b.example", "Tan", "<img src=x onerror=alert(1)>", true, "SG", RegisterAttendee.Reasons.Markup)]
    public void The_form_is_refused_with_its_reason(string email, string? family, string? given, bool consent, string country, string reason)
    {
        Assert.Contains(RegisterAttendee.Check(Person(email, family, given, consent, country)), r => r.Message == reason);
    }

    [Fact]
    public async Task A_category_with_seats_confirms_and_a_full_one_waitlists_in_order()
    {
        var category = await CategoryAsync(capacity: 1);

        var first = await RegisterAsync(category, Person("one@summit.test"));
        var second = await RegisterAsync(category, Person("two@summit.test"));
        var third = await RegisterAsync(category, Person("three@summit.test"));

        Assert.Equal(RegistrationResult.Confirmed, first.Result);
        Assert.Equal((RegistrationResult.Waitlisted, 1), (second.Result, second.WaitlistPosition!.Value));
        Assert.Equal((RegistrationResult.Waitlisted, 2), (third.Result, third.WaitlistPosition!.Value));
    }

    [Fact]
    public async Task The_same_address_twice_is_already_registered_whatever_its_case()
    {
        var category = await CategoryAsync(capacity: null);
        var first = await RegisterAsync(category, Person("case@summit.test"));

        var again = await RegisterAsync(category, Person("CASE@Summit.test"));

        Assert.Equal(RegistrationResult.AlreadyRegistered, again.Result);
        Assert.Equal(first.RegistrationId, again.RegistrationId);
    }

    [Fact]
    public async Task A_category_outside_its_window_refuses_before_and_after()
    {
        var category = await CategoryAsync(capacity: null, opens: clock.GetUtcNow().AddDays(1), closes: clock.GetUtcNow().AddDays(2));

        Assert.Equal(RegisterAttendee.Reasons.NotOpenYet, Assert.Single((await RegisterAsync(category, Person("early@summit.test"))).Refusals).Message);
        clock.Advance(TimeSpan.FromDays(1.5));
        Assert.Equal(RegistrationResult.Confirmed, (await RegisterAsync(category, Person("ontime@summit.test"))).Result);
        clock.Advance(TimeSpan.FromDays(1.5));
        Assert.Equal(RegisterAttendee.Reasons.Closed, Assert.Single((await RegisterAsync(category, Person("late@summit.test"))).Refusals).Message);
    }

    [Fact]
    public async Task Approval_leaves_a_registration_pending_and_approving_it_takes_a_seat_or_waitlists()
    {
        var category = await CategoryAsync(capacity: 1, approval: true);
        var a = await RegisterAsync(category, Person("a@summit.test"));
        var b = await RegisterAsync(category, Person("b@summit.test"));
        Assert.Equal(RegistrationResult.PendingApproval, a.Result);
        Assert.Equal(RegistrationResult.PendingApproval, b.Result);

        var refusals = await WithAsync(s => s.GetRequiredService<ChangeRegistration>().ApproveAsync([a.RegistrationId!.Value, b.RegistrationId!.Value], "Welcome", Cancel));

        Assert.Empty(refusals);
        var statuses = await WithAsync(s => s.GetRequiredService<SummitDbContext>().Registrations.OrderBy(r => r.Id).Select(r => r.Status).ToListAsync(Cancel));
        Assert.Equal([RegistrationStatus.Confirmed, RegistrationStatus.Waitlisted], statuses);
        var again = await WithAsync(s => s.GetRequiredService<ChangeRegistration>().DeclineAsync([a.RegistrationId!.Value], null, Cancel));
        Assert.Equal(ChangeRegistration.Reasons.NotPending, Assert.Single(again).Message);
    }

    [Fact]
    public async Task An_invitation_code_is_needed_checked_against_the_category_and_used_up()
    {
        var category = await CategoryAsync(capacity: null, approval: true, invitation: true);
        var other = await CategoryAsync(capacity: null);
        var (code, _) = await WithAsync(s => s.GetRequiredService<SaveCategory>().IssueCodeAsync(editionId, category, null, 1, bypassesApproval: true, "Ministry delegation", Cancel));
        var (otherCode, _) = await WithAsync(s => s.GetRequiredService<SaveCategory>().IssueCodeAsync(editionId, other, "OTHERCAT", 5, false, null, Cancel));

        Assert.Equal(RegisterAttendee.Reasons.CodeRequired, Assert.Single((await RegisterAsync(category, Person("nocode@summit.test"))).Refusals).Message);
        Assert.Equal(RegisterAttendee.Reasons.CodeInvalid, Assert.Single((await RegisterAsync(category, Person("wrong@summit.test"), "NOSUCHCODE")).Refusals).Message);
        Assert.Equal(RegisterAttendee.Reasons.CodeInvalid, Assert.Single((await RegisterAsync(category, Person("othercat@summit.test"), otherCode)).Refusals).Message);
        Assert.Equal(RegistrationResult.Confirmed, (await RegisterAsync(category, Person("invited@summit.test"), code!.ToLowerInvariant())).Result);
        Assert.Equal(RegisterAttendee.Reasons.CodeUsedUp, Assert.Single((await RegisterAsync(category, Person("second@summit.test"), code)).Refusals).Message);
    }

    [Fact]
    public async Task Cancellations_and_a_capacity_increase_promote_first_come_first_served()
    {
        var category = await CategoryAsync(capacity: 1);
        var outcomes = new List<RegistrationOutcome>();
        foreach (var name in new[] { "p0", "p1", "p2", "p3" })
        {
            outcomes.Add(await RegisterAsync(category, Person($"{name}@summit.test")));
        }

        await WithAsync(s => s.GetRequiredService<ChangeRegistration>().CancelAsync(outcomes[0].RegistrationId!.Value, cancellationToken: Cancel));
        await WithAsync(s => s.GetRequiredService<SaveCategory>().RunAsync(editionId, category, new CategoryDetails("Delegate", "代表", null, null, CategoryKind.General, 2, false, false, null, null, 1), Cancel));

        var rows = await WithAsync(s => s.GetRequiredService<SummitDbContext>().Registrations.AsNoTracking().OrderBy(r => r.Id).Select(r => new { r.Status, r.Email }).ToListAsync(Cancel));
        Assert.Equal([RegistrationStatus.Cancelled, RegistrationStatus.Confirmed, RegistrationStatus.Confirmed, RegistrationStatus.Waitlisted], rows.Select(r => r.Status));
        var lowered = await WithAsync(s => s.GetRequiredService<SaveCategory>().RunAsync(editionId, category, new CategoryDetails("Delegate", "代表", null, null, CategoryKind.General, 1, false, false, null, null, 1), Cancel));
        Assert.Equal(SaveCategory.Reasons.CapacityBelowConfirmed, Assert.Single(lowered.Refusals).Message);
        Assert.Equal(2, await WithAsync(s => s.GetRequiredService<SummitDbContext>().RegistrationCategories.Where(c => c.Id == category).Select(c => c.Confirmed).FirstAsync(Cancel)));
    }

    [Fact]
    public void Plain_text_with_a_lone_angle_bracket_is_not_markup()
    {
        Assert.Empty(RegisterAttendee.Check(Person("heart@summit.test", "Tan <3", "Wei")));
    }

    /// <summary>A session of the edition with the given seat limit, placed on its first day and published.</summary>
    private async Task<int> PublishedSessionAsync(int? seatLimit, int hour = 10)
    {
        return await WithAsync(async s =>
        {
            var programme = s.GetRequiredService<SaveProgrammeItem>();
            var venue = (await programme.SaveVenueAsync(editionId, null, $"Venue {hour}", $"场地{hour}", Cancel)).Id!.Value;
            var room = (await programme.SaveRoomAsync(editionId, null, venue, new RoomDetails($"Room {hour}", $"会议室{hour}", 100, SessionLanguage.English, null, hour), Cancel)).Id!.Value;
            var type = (await programme.SaveTypeAsync(editionId, null, $"Workshop {hour}", $"工作坊{hour}", false, hour, Cancel)).Id!.Value;
            var session = (await s.GetRequiredService<SaveSession>().RunAsync(editionId, null, new SessionDetails(
                $"Workshop at {hour}", $"{hour}点工作坊", null, null, type, null, SessionLanguage.English, false, seatLimit, []), Cancel)).SessionId!.Value;
            var start = ScheduleTime.ToUtc(new DateOnly(2027, 11, 5), new TimeOnly(hour, 0), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));
            Assert.True((await s.GetRequiredService<ScheduleSession>().PlaceAsync(editionId, session, room, start, start.AddHours(1), Cancel)).Succeeded);
            Assert.True((await s.GetRequiredService<PublishSchedule>().RunAsync(editionId, null, null, cancellationToken: Cancel)).Succeeded);
            return session;
        });
    }

    private Task<SignupOutcome> SignUpAsync(RegistrationOutcome registration, int session) =>
        WithAsync(s => s.GetRequiredService<SignUpForSession>().RunAsync(registration.RegistrationId!.Value, session, Cancel));

    private Task<List<(int RegistrationId, SignupStatus Status)>> SignupsAsync(int session) =>
        WithAsync(async s => (await s.GetRequiredService<SummitDbContext>().SessionSignups.AsNoTracking().Where(x => x.SessionId == session).OrderBy(x => x.RegistrationId)
            .Select(x => new { x.RegistrationId, x.Status }).ToListAsync(Cancel)).Select(x => (x.RegistrationId, x.Status)).ToList());

    private Task<int> SeatsTakenAsync(int session) =>
        WithAsync(s => s.GetRequiredService<SummitDbContext>().Sessions.Where(x => x.Id == session).Select(x => x.SeatsTaken).FirstAsync(Cancel));

    [Fact]
    public async Task A_session_sign_up_takes_a_seat_then_waitlists_and_giving_up_a_seat_promotes_the_first_in_line()
    {
        var category = await CategoryAsync(capacity: null);
        var session = await PublishedSessionAsync(seatLimit: 2);
        var people = new List<RegistrationOutcome>();
        foreach (var name in new[] { "s0", "s1", "s2", "s3" })
        {
            people.Add(await RegisterAsync(category, Person($"{name}@summit.test")));
        }

        Assert.Equal(SignupResult.Confirmed, (await SignUpAsync(people[0], session)).Result);
        Assert.Equal(SignupResult.Confirmed, (await SignUpAsync(people[1], session)).Result);
        var third = await SignUpAsync(people[2], session);
        var fourth = await SignUpAsync(people[3], session);
        Assert.Equal((SignupResult.Waitlisted, 1), (third.Result, third.WaitlistPosition));
        Assert.Equal((SignupResult.Waitlisted, 2), (fourth.Result, fourth.WaitlistPosition));
        Assert.Equal(SignupResult.AlreadySignedUp, (await SignUpAsync(people[0], session)).Result);

        Assert.Null(await WithAsync(s => s.GetRequiredService<SignUpForSession>().CancelAsync(people[1].RegistrationId!.Value, session, Cancel)));

        var signups = await SignupsAsync(session);
        Assert.Equal([(people[0].RegistrationId!.Value, SignupStatus.Confirmed), (people[2].RegistrationId!.Value, SignupStatus.Confirmed), (people[3].RegistrationId!.Value, SignupStatus.Waitlisted)], signups);
        Assert.Equal(2, await SeatsTakenAsync(session));
        var again = await WithAsync(s => s.GetRequiredService<SignUpForSession>().CancelAsync(people[1].RegistrationId!.Value, session, Cancel));
        Assert.Equal(SignUpForSession.Reasons.NotSignedUp, again?.Message);
    }

    [Fact]
    public async Task Only_confirmed_registrations_sign_up_and_a_cancelled_registration_frees_its_seats()
    {
        var open = await CategoryAsync(capacity: null);
        var approval = await CategoryAsync(capacity: null, approval: true);
        var session = await PublishedSessionAsync(seatLimit: 1);
        var pending = await RegisterAsync(approval, Person("pending@summit.test"));
        var first = await RegisterAsync(open, Person("first@summit.test"));
        var second = await RegisterAsync(open, Person("second@summit.test"));

        Assert.Equal(SignUpForSession.Reasons.NotConfirmed, (await SignUpAsync(pending, session)).Refusal?.Message);
        Assert.Equal(SignupResult.Confirmed, (await SignUpAsync(first, session)).Result);
        Assert.Equal(SignupResult.Waitlisted, (await SignUpAsync(second, session)).Result);

        await WithAsync(s => s.GetRequiredService<ChangeRegistration>().CancelAsync(first.RegistrationId!.Value, cancellationToken: Cancel));

        Assert.Equal([(second.RegistrationId!.Value, SignupStatus.Confirmed)], await SignupsAsync(session));
        Assert.Equal(1, await SeatsTakenAsync(session));
        Assert.Equal(SignUpForSession.Reasons.NotConfirmed, (await SignUpAsync(first, session)).Refusal?.Message);
    }

    [Fact]
    public async Task The_seat_limit_cannot_go_below_the_seats_taken_and_raising_it_promotes_the_line()
    {
        var category = await CategoryAsync(capacity: null);
        var session = await PublishedSessionAsync(seatLimit: 1);
        var people = new List<RegistrationOutcome>();
        foreach (var name in new[] { "l0", "l1", "l2" })
        {
            var person = await RegisterAsync(category, Person($"{name}@summit.test"));
            people.Add(person);
            await SignUpAsync(person, session);
        }

        SessionDetails Details(int? limit, int type) => new("Workshop at 10", "10点工作坊", null, null, type, null, SessionLanguage.English, false, limit, []);
        var type = await WithAsync(s => s.GetRequiredService<SummitDbContext>().Sessions.Where(x => x.Id == session).Select(x => x.TypeId).FirstAsync(Cancel));
        var removed = await WithAsync(s => s.GetRequiredService<SaveSession>().RunAsync(editionId, session, Details(null, type), Cancel));
        Assert.Equal(SaveSession.Reasons.SignupsExist, Assert.Single(removed.Refusals).Message);

        var raised = await WithAsync(s => s.GetRequiredService<SaveSession>().RunAsync(editionId, session, Details(2, type), Cancel));
        Assert.True(raised.Saved);
        Assert.Equal([SignupStatus.Confirmed, SignupStatus.Confirmed, SignupStatus.Waitlisted], (await SignupsAsync(session)).Select(x => x.Status));

        var lowered = await WithAsync(s => s.GetRequiredService<SaveSession>().RunAsync(editionId, session, Details(1, type), Cancel));
        var refusal = Assert.Single(lowered.Refusals);
        Assert.Equal(SaveSession.Reasons.SeatLimitBelowSignups, refusal.Message);
        Assert.Equal(["2"], refusal.Arguments);
        Assert.Equal(2, await SeatsTakenAsync(session));
    }

    [Fact]
    public async Task Sessions_without_seats_cancelled_or_started_take_no_sign_ups()
    {
        var category = await CategoryAsync(capacity: null);
        var person = await RegisterAsync(category, Person("late@summit.test"));
        var free = await PublishedSessionAsync(seatLimit: null, hour: 9);
        var cancelled = await PublishedSessionAsync(seatLimit: 10, hour: 11);
        Assert.True((await WithAsync(s => s.GetRequiredService<ScheduleSession>().CancelAsync(editionId, cancelled, Cancel))).Succeeded);
        Assert.True((await WithAsync(s => s.GetRequiredService<PublishSchedule>().RunAsync(editionId, null, null, cancellationToken: Cancel))).Succeeded);
        var started = await PublishedSessionAsync(seatLimit: 10, hour: 13);

        Assert.Equal(SignUpForSession.Reasons.NoSignup, (await SignUpAsync(person, free)).Refusal?.Message);
        Assert.Equal(SignUpForSession.Reasons.SessionCancelled, (await SignUpAsync(person, cancelled)).Refusal?.Message);
        clock.SetUtcNow(new DateTimeOffset(2027, 11, 5, 5, 30, 0, TimeSpan.Zero));
        Assert.Equal(SignUpForSession.Reasons.SessionStarted, (await SignUpAsync(person, started)).Refusal?.Message);
        Assert.Empty(await WithAsync(s => s.GetRequiredService<SummitDbContext>().SessionSignups.ToListAsync(Cancel)));
    }

    [Fact]
    public async Task Editing_details_keeps_the_address_unique_and_refuses_bad_input()
    {
        var category = await CategoryAsync(capacity: null);
        var first = await RegisterAsync(category, Person("keep@summit.test"));
        await RegisterAsync(category, Person("taken@summit.test"));

        var taken = await WithAsync(s => s.GetRequiredService<ChangeRegistration>().EditDetailsAsync(first.RegistrationId!.Value, Person("TAKEN@summit.test"), Cancel));
        Assert.Equal(ChangeRegistration.Reasons.EmailTaken, Assert.Single(taken).Message);
        var markup = await WithAsync(s => s.GetRequiredService<ChangeRegistration>().EditDetailsAsync(first.RegistrationId!.Value, Person("keep@summit.test", "<b>Tan</b>"), Cancel));
        Assert.Equal(RegisterAttendee.Reasons.Markup, Assert.Single(markup).Message);
        Assert.Empty(await WithAsync(s => s.GetRequiredService<ChangeRegistration>().EditDetailsAsync(first.RegistrationId!.Value, Person("new@summit.test", "Lim", "Hui"), Cancel)));

        var row = await WithAsync(s => s.GetRequiredService<SummitDbContext>().Registrations.AsNoTracking().FirstAsync(r => r.Id == first.RegistrationId, Cancel));
        Assert.Equal(("new@summit.test", "Lim", "Hui", "2026-11"), (row.NormalizedEmail, row.FamilyNameLatin, row.GivenNameLatin, row.ConsentVersion));
    }

    [Fact]
    public async Task A_cancelled_registration_is_reinstated_into_a_free_seat_or_the_end_of_the_line()
    {
        var category = await CategoryAsync(capacity: 1);
        var first = await RegisterAsync(category, Person("r0@summit.test"));
        await WithAsync(s => s.GetRequiredService<ChangeRegistration>().CancelAsync(first.RegistrationId!.Value, cancellationToken: Cancel));
        var second = await RegisterAsync(category, Person("r1@summit.test"));
        Assert.Equal(RegistrationResult.Confirmed, second.Result);

        Assert.Empty(await WithAsync(s => s.GetRequiredService<ChangeRegistration>().ReinstateAsync(first.RegistrationId!.Value, cancellationToken: Cancel)));
        var again = await WithAsync(s => s.GetRequiredService<ChangeRegistration>().ReinstateAsync(second.RegistrationId!.Value, cancellationToken: Cancel));

        Assert.Equal(ChangeRegistration.Reasons.NotCancelled, Assert.Single(again).Message);
        var row = await WithAsync(s => s.GetRequiredService<SummitDbContext>().Registrations.AsNoTracking().FirstAsync(r => r.Id == first.RegistrationId, Cancel));
        Assert.Equal((RegistrationStatus.Waitlisted, 1), (row.Status, row.WaitlistTicket));
    }

    [Fact]
    public async Task A_seat_given_up_at_a_cancelled_session_promotes_nobody()
    {
        var category = await CategoryAsync(capacity: null);
        var session = await PublishedSessionAsync(seatLimit: 1);
        var seated = await RegisterAsync(category, Person("c0@summit.test"));
        var waiting = await RegisterAsync(category, Person("c1@summit.test"));
        await SignUpAsync(seated, session);
        await SignUpAsync(waiting, session);
        Assert.True((await WithAsync(s => s.GetRequiredService<ScheduleSession>().CancelAsync(editionId, session, Cancel))).Succeeded);

        Assert.Null(await WithAsync(s => s.GetRequiredService<SignUpForSession>().CancelAsync(seated.RegistrationId!.Value, session, Cancel)));

        Assert.Equal([(waiting.RegistrationId!.Value, SignupStatus.Waitlisted)], await SignupsAsync(session));
        Assert.Equal(0, await SeatsTakenAsync(session));
    }

    [Fact]
    public async Task An_arrival_is_a_new_version_of_the_registration_and_a_second_scan_is_not()
    {
        var open = await CategoryAsync(capacity: null);
        var guest = (await RegisterAsync(open, Person("version-door@summit.test"))).RegistrationId!.Value;
        var tokens = await WithAsync(s => Task.FromResult(s.GetRequiredService<BadgeTokens>()));
        Task<DateTimeOffset> VersionAsync() => WithAsync(s => s.GetRequiredService<SummitDbContext>().Registrations.Where(r => r.Id == guest).Select(r => r.UpdatedAt).FirstAsync(Cancel));
        var registered = await VersionAsync();
        clock.Advance(TimeSpan.FromMinutes(5));

        var arrival = await WithAsync(s => s.GetRequiredService<CheckInAttendee>().RunAsync(tokens.Issue(guest, 1), editionId, "North desk", null, Cancel));
        clock.Advance(TimeSpan.FromMinutes(5));
        var again = await WithAsync(s => s.GetRequiredService<CheckInAttendee>().RunAsync(tokens.Issue(guest, 1), editionId, "South desk", null, Cancel));

        Assert.Equal((CheckInResult.Welcome, CheckInResult.AlreadyCheckedIn), (arrival.Result, again.Result));
        Assert.Equal(registered + TimeSpan.FromMinutes(5), await VersionAsync());
    }

    [Fact]
    public async Task A_badge_checks_in_once_and_then_says_when_and_where_and_bad_badges_say_why()
    {
        var open = await CategoryAsync(capacity: null);
        var approval = await CategoryAsync(capacity: null, approval: true);
        var guest = await RegisterAsync(open, Person("door@summit.test"));
        var pending = await RegisterAsync(approval, Person("pending-door@summit.test"));
        var leaving = await RegisterAsync(open, Person("leaving@summit.test"));
        await WithAsync(s => s.GetRequiredService<ChangeRegistration>().CancelAsync(leaving.RegistrationId!.Value, cancellationToken: Cancel));
        var tokens = await WithAsync(s => Task.FromResult(s.GetRequiredService<BadgeTokens>()));
        Task<CheckInOutcome> Scan(string? code, string desk = "North desk") =>
            WithAsync(s => s.GetRequiredService<CheckInAttendee>().RunAsync(code, editionId, desk, "volunteer", Cancel));

        var first = await Scan(tokens.Issue(guest.RegistrationId!.Value, 1));
        clock.Advance(TimeSpan.FromMinutes(3));
        var second = await Scan(tokens.Issue(guest.RegistrationId!.Value, 1), "South desk");

        Assert.Equal(CheckInResult.Welcome, first.Result);
        Assert.Equal("Wei Tan", first.NameLatin);
        Assert.Equal((CheckInResult.AlreadyCheckedIn, "North desk", new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.Zero)), (second.Result, second.CheckedInDesk, second.CheckedInAt));
        Assert.Equal(CheckInResult.NotConfirmed, (await Scan(tokens.Issue(pending.RegistrationId!.Value, 1))).Result);
        Assert.Equal(CheckInResult.Cancelled, (await Scan(tokens.Issue(leaving.RegistrationId!.Value, 1))).Result);
        Assert.Equal(CheckInResult.Invalid, (await Scan(tokens.Issue(guest.RegistrationId!.Value, 2))).Result);
        Assert.Equal(CheckInResult.Invalid, (await Scan("S1.forged")).Result);
        Assert.Equal(CheckInResult.Invalid, (await Scan(null)).Result);
        var otherEdition = await WithAsync(async s => (await s.GetRequiredService<SaveEdition>().RunAsync(null, new EditionDetails(
            "2028", "CCI-FS 2028", "2028峰会", null, null, new DateOnly(2028, 11, 5), new DateOnly(2028, 11, 6), "Venue", "场地", "Chongqing", "重庆", "Asia/Shanghai", EditionStatus.Open), Cancel)).EditionId!.Value);
        Assert.Equal(CheckInResult.OtherEdition, (await WithAsync(s => s.GetRequiredService<CheckInAttendee>().RunAsync(tokens.Issue(guest.RegistrationId!.Value, 1), otherEdition, "\u0000Desk", null, Cancel))).Result);
        Assert.Equal("North desk", CheckInAttendee.CleanDesk("\u0000North desk\u0007"));
        Assert.Null(BadgeTokens.NormalizeShortCode("ABCD-EFG0"));
        Assert.Equal("ABCDEFGH", BadgeTokens.NormalizeShortCode(" abcd-efgh "));
        var log = await WithAsync(s => s.GetRequiredService<SummitDbContext>().CheckInScans.AsNoTracking().OrderBy(x => x.Id).Select(x => x.Result).ToListAsync(Cancel));
        Assert.Equal([CheckInResult.Welcome, CheckInResult.AlreadyCheckedIn, CheckInResult.NotConfirmed, CheckInResult.Cancelled, CheckInResult.Invalid, CheckInResult.Invalid, CheckInResult.Invalid, CheckInResult.OtherEdition], log);
    }

    [Theory]
    [InlineData(null, true, null)]
    [InlineData("  ", true, null)]
    [InlineData("#0B4F8A", true, "#0b4f8a")]
    [InlineData(" #ffee00 ", true, "#ffee00")]
    [InlineData("0b4f8a", false, null)]
    [InlineData("#0b4f8", false, null)]
    [InlineData("#0b4f8g", false, null)]
    [InlineData("red", false, null)]
    public void Badge_colours_are_hash_and_six_hexadecimal_digits_or_nothing(string? typed, bool valid, string? stored)
    {
        Assert.Equal(valid, BadgeColours.IsValid(typed));
        Assert.Equal(stored, BadgeColours.Normalize(typed));
    }

    [Fact]
    public void A_light_band_gets_black_text_and_a_dark_band_white_text()
    {
        Assert.True(BadgeColours.NeedsDarkText("#ffee00"));
        Assert.True(BadgeColours.NeedsDarkText("#ffffff"));
        Assert.False(BadgeColours.NeedsDarkText("#0b4f8a"));
        Assert.False(BadgeColours.NeedsDarkText(BadgeColours.Speaker));
        Assert.Equal(1.0, BadgeColours.Luminance("#ffffff"), 3);
        Assert.Equal(0.0, BadgeColours.Luminance("#000000"), 3);
    }

    [Fact]
    public async Task A_category_keeps_its_own_badge_colour_or_its_kinds_and_a_change_to_what_badges_print_redraws_them()
    {
        var category = await CategoryAsync(capacity: null);
        Task<SaveCategoryResult> Save(CategoryDetails details) => WithAsync(s => s.GetRequiredService<SaveCategory>().RunAsync(editionId, category, details, Cancel));
        var details = new CategoryDetails("Delegate", "代表", null, null, CategoryKind.General, null, false, false, null, null, 1);
        Task<RegistrationCategory> Load() => WithAsync(s => s.GetRequiredService<SummitDbContext>().RegistrationCategories.AsNoTracking().FirstAsync(c => c.Id == category, Cancel));

        var refused = await Save(details with { BadgeColour = "yellow" });
        Assert.Equal(SaveCategory.Reasons.ColourShape, Assert.Single(refused.Refusals).Message);
        Assert.Empty((await BadgesChangedAsync()));

        Assert.True((await Save(details with { Capacity = 500 })).Saved);
        Assert.Empty((await BadgesChangedAsync()));

        Assert.True((await Save(details with { BadgeColour = "#FFEE00" })).Saved);
        Assert.Equal("#ffee00", BadgeColours.For(await Load()));
        Assert.Equal([(editionId, (int?)category)], (await BadgesChangedAsync()));

        Assert.True((await Save(details with { Kind = CategoryKind.Speaker })).Saved);
        Assert.Equal(BadgeColours.Speaker, BadgeColours.For(await Load()));
        Assert.Equal(2, (await BadgesChangedAsync()).Count);

        var edition = new EditionDetails("2027", "CCI-FS 2027", "2027峰会", "A new tagline", null, new DateOnly(2027, 11, 5), new DateOnly(2027, 11, 6), "Venue", "场地", "Chongqing", "重庆", "Asia/Shanghai", EditionStatus.Open);
        Assert.True((await WithAsync(s => s.GetRequiredService<SaveEdition>().RunAsync(editionId, edition, Cancel))).Saved);
        Assert.Equal(2, (await BadgesChangedAsync()).Count);
        Assert.True((await WithAsync(s => s.GetRequiredService<SaveEdition>().RunAsync(editionId, edition with { EndDate = new DateOnly(2027, 11, 7) }, Cancel))).Saved);
        Assert.Equal((editionId, (int?)null), (await BadgesChangedAsync())[^1]);
    }

    [Fact]
    public async Task A_print_run_prints_confirmed_badges_only_and_not_printed_yet_means_new_or_reissued_since_the_last_run()
    {
        var open = await CategoryAsync(capacity: null);
        var approval = await CategoryAsync(capacity: null, approval: true);
        var first = (await RegisterAsync(open, Person("print-a@summit.test"))).RegistrationId!.Value;
        var second = (await RegisterAsync(open, Person("print-b@summit.test"))).RegistrationId!.Value;
        await RegisterAsync(approval, Person("print-pending@summit.test"));
        Task<PlanBadgeSheetResult> Plan(BadgeSheetSelection selection, string? list = null, int? category = null) =>
            WithAsync(s => s.GetRequiredService<PlanBadgeSheet>().RunAsync(editionId, category, selection, BadgeSheetLayout.FourPerA4, list, "organizer@summit.test", Cancel));
        Task<List<int>> Members(int sheet) => WithAsync(async s =>
        {
            var db = s.GetRequiredService<SummitDbContext>();
            var planned = await db.BadgeSheets.AsNoTracking().FirstAsync(x => x.Id == sheet, Cancel);
            return await PlanBadgeSheet.Members(db, planned).OrderBy(r => r.Id).Select(r => r.Id).ToListAsync(Cancel);
        });

        var everyone = await Plan(BadgeSheetSelection.Confirmed);
        Assert.Equal(2, everyone.Count);
        Assert.Equal([first, second], await Members(everyone.SheetId!.Value));
        Assert.Equal(2, (await Plan(BadgeSheetSelection.NotPrinted)).Count);

        await WithAsync(async s =>
        {
            await PlanBadgeSheet.MarkPrintedAsync(s.GetRequiredService<SummitDbContext>(), [(first, 1), (second, 1)], Cancel);
            return 0;
        });
        var nothing = await Plan(BadgeSheetSelection.NotPrinted);
        Assert.Equal(PlanBadgeSheet.Reasons.NothingToPrint, Assert.Single(nothing.Refusals).Message);

        Assert.Empty(await WithAsync(s => s.GetRequiredService<ChangeRegistration>().ReissueBadgeAsync(second, Cancel)));
        var reprint = await Plan(BadgeSheetSelection.NotPrinted);
        Assert.Equal([second], await Members(reprint.SheetId!.Value));
        // A run that drew revision 1 while the badge became revision 2 does not count the new badge as printed.
        await WithAsync(async s =>
        {
            await PlanBadgeSheet.MarkPrintedAsync(s.GetRequiredService<SummitDbContext>(), [(second, 1)], Cancel);
            return 0;
        });
        Assert.Equal(1, (await Plan(BadgeSheetSelection.NotPrinted)).Count);

        var refused = await Plan(BadgeSheetSelection.List, "print-a@summit.test\n\nnobody@summit.test\nprint-pending@summit.test\nZZZZ-ZZZZ");
        Assert.Null(refused.SheetId);
        Assert.Equal(
            [(PlanBadgeSheet.Reasons.LineUnknown, "3"), (PlanBadgeSheet.Reasons.LineNotConfirmed, "4"), (PlanBadgeSheet.Reasons.LineUnknown, "5")],
            refused.Refusals.Select(r => (r.Message, r.Arguments[0])));
        Assert.Equal(PlanBadgeSheet.Reasons.ListEmpty, Assert.Single((await Plan(BadgeSheetSelection.List, " \n ")).Refusals).Message);
        Assert.Equal(PlanBadgeSheet.Reasons.LineOtherCategory, Assert.Single((await Plan(BadgeSheetSelection.List, "PRINT-A@summit.test", approval)).Refusals).Message);
        Assert.Equal(PlanBadgeSheet.Reasons.UnknownCategory, Assert.Single((await Plan(BadgeSheetSelection.Confirmed, category: -1)).Refusals).Message);
        Assert.Equal(PlanBadgeSheet.Reasons.UnknownChoice, Assert.Single((await Plan((BadgeSheetSelection)42)).Refusals).Message);

        var listed = await Plan(BadgeSheetSelection.List, " PRINT-A@summit.test \nprint-a@summit.test");
        Assert.Equal([first], await Members(listed.SheetId!.Value));
        var sheets = await WithAsync(s => s.GetRequiredService<SummitDbContext>().BadgeSheets.CountAsync(Cancel));
        Assert.Equal(5, sheets);
    }

    /// <summary>What the rules recorded, in their transactions, about every badge of an edition or category changing.</summary>
    private Task<List<(int EditionId, int? CategoryId)>> BadgesChangedAsync() => WithAsync(async s =>
        (await s.GetRequiredService<SummitDbContext>().Consequences.AsNoTracking().Where(c => c.Handler == "BadgeRecorder.BadgesChanged").OrderBy(c => c.Id).Select(c => c.Payload).ToListAsync(Cancel))
            .Select(p => System.Text.Json.JsonSerializer.Deserialize<BadgesChanged>(p)!)
            .Select(b => (b.EditionId, b.CategoryId))
            .ToList());

    /// <summary>A handler of badge changes, for the route that makes the rules record them; never run here.</summary>
    private sealed class BadgeRecorder : IConsequenceHandler<BadgesChanged>
    {
        public Task HandleAsync(BadgesChanged happened, CancellationToken cancellationToken) => throw new InvalidOperationException("Only recorded in these tests.");
    }
}
