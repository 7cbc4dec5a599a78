using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Summit.Core.Registrations;
using Summit.Testing;

namespace Summit.Web.Tests.Registrations;

/// <summary>Registering through HTTP as browsers do, on each database engine: no overselling, fair promotion, privacy rights.</summary>
public abstract class RegistrationTests<TApp>(TApp app) where TApp : SummitApp
{
    protected SummitFactory App => app.Factory;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<int> CategoryAsync(int? capacity, bool approval = false)
    {
        var editionId = await App.BuildAsync(d => d.EditionIdAsync("2021"));
        var saved = await App.ScopedAsync(s => s.GetRequiredService<SaveCategory>().RunAsync(editionId, null, new CategoryDetails(
            $"Test {Guid.NewGuid():N}"[..20], "测试类别", null, null, CategoryKind.General, capacity, approval, false, null, null, 99), Cancel));
        Assert.True(saved.Saved);
        return saved.CategoryId!.Value;
    }

    private static Dictionary<string, string> Form(int categoryId, string email, string family = "Tan", string given = "Mei Ling") => new()
    {
        ["Input.CategoryId"] = categoryId.ToString(CultureInfo.InvariantCulture),
        ["Input.FamilyNameLatin"] = family,
        ["Input.GivenNameLatin"] = given,
        ["Input.Email"] = email,
        ["Input.Organisation"] = "Bank of Chongqing",
        ["Input.CountryCode"] = "SG",
        ["Input.PreferredCulture"] = "en",
        ["Input.Consent"] = "true",
    };

    private async Task<HttpResponseMessage> RegisterAsync(Dictionary<string, string> form)
    {
        using var client = App.Browser();
        return await client.PostAsync("/2021/register", form);
    }

    [Fact]
    public async Task Three_hundred_people_registering_at_once_for_fifty_seats_get_fifty_confirmations_and_a_waiting_list()
    {
        var category = await CategoryAsync(capacity: 50);

        var responses = await Task.WhenAll(Enumerable.Range(0, 300).Select(i => RegisterAsync(Form(category, $"rush-{category}-{i}@summit.test"))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.All(responses, r => Assert.StartsWith("/registration/", r.Headers.Location!.OriginalString, StringComparison.Ordinal));
        foreach (var response in responses)
        {
            response.Dispose();
        }

        var rows = await App.WithDbAsync(db => db.Registrations.AsNoTracking().Where(r => r.CategoryId == category).Select(r => new { r.Status, r.WaitlistTicket }).ToListAsync(Cancel));
        Assert.Equal(300, rows.Count);
        Assert.Equal(50, rows.Count(r => r.Status == RegistrationStatus.Confirmed));
        var tickets = rows.Where(r => r.Status == RegistrationStatus.Waitlisted).Select(r => r.WaitlistTicket!.Value).ToList();
        Assert.Equal(250, tickets.Count);
        Assert.Equal(Enumerable.Range(1, 250), tickets.Order());
        Assert.Equal(50, await App.WithDbAsync(db => db.RegistrationCategories.Where(c => c.Id == category).Select(c => c.Confirmed).FirstAsync(Cancel)));
    }

    [Fact]
    public async Task The_dashboard_tallies_grouped_in_the_database_match_the_registrations_by_category_status_and_utc_day()
    {
        var category = await CategoryAsync(capacity: 3);
        for (var i = 0; i < 5; i++)
        {
            using var response = await RegisterAsync(Form(category, $"tally-{category}-{i}@summit.test"));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        // Two made on earlier days, one of them a minute before midnight UTC, so the day is the UTC one.
        var ids = await App.WithDbAsync(db => db.Registrations.Where(r => r.CategoryId == category).OrderBy(r => r.Id).Select(r => r.Id).ToListAsync(Cancel));
        var lateEvening = new DateTimeOffset(2030, 10, 3, 23, 59, 0, TimeSpan.Zero);
        await App.WithDbAsync(db => db.Registrations.Where(r => r.Id == ids[0]).ExecuteUpdateAsync(u => u.SetProperty(r => r.CreatedAt, lateEvening), Cancel));
        await App.WithDbAsync(db => db.Registrations.Where(r => r.Id == ids[1]).ExecuteUpdateAsync(u => u.SetProperty(r => r.CreatedAt, lateEvening.AddMinutes(2)), Cancel));

        var editionId = await App.BuildAsync(d => d.EditionIdAsync("2021"));
        var tallies = await App.WithDbAsync(db => RegistrationTallies.ForEditionAsync(db, editionId, Cancel));
        var expected = (await App.WithDbAsync(db => db.Registrations.AsNoTracking().Where(r => r.EditionId == editionId).Select(r => new { r.CategoryId, r.Status, r.CreatedAt }).ToListAsync(Cancel)))
            .GroupBy(r => (r.CategoryId, r.Status, Day: DateOnly.FromDateTime(r.CreatedAt.UtcDateTime)))
            .Select(g => new RegistrationTally(g.Key.CategoryId, g.Key.Status, g.Key.Day, g.Count()))
            .OrderBy(t => t.CategoryId).ThenBy(t => t.Status).ThenBy(t => t.Day).ToList();
        Assert.Equal(expected, tallies.OrderBy(t => t.CategoryId).ThenBy(t => t.Status).ThenBy(t => t.Day).ToList());
        var mine = tallies.Where(t => t.CategoryId == category).ToList();
        Assert.Contains(new RegistrationTally(category, RegistrationStatus.Confirmed, new DateOnly(2030, 10, 3), 1), mine);
        Assert.Contains(new RegistrationTally(category, RegistrationStatus.Confirmed, new DateOnly(2030, 10, 4), 1), mine);
        Assert.Equal(2, mine.Where(t => t.Status == RegistrationStatus.Waitlisted).Sum(t => t.Count));
    }

    [Fact]
    public async Task Cancelling_a_confirmed_registration_promotes_exactly_the_first_on_the_waiting_list()
    {
        var category = await CategoryAsync(capacity: 2);
        var keys = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            using var response = await RegisterAsync(Form(category, $"line-{category}-{i}@summit.test"));
            keys.Add(response.Headers.Location!.OriginalString.Split('/', '?')[2]);
        }

        using var client = App.Browser();
        var third = await client.GetStringAsync(new Uri($"/registration/{keys[2]}", UriKind.Relative), Cancel);
        Assert.Contains("On the waiting list: number 1", third, StringComparison.Ordinal);
        var fourth = await client.GetStringAsync(new Uri($"/registration/{keys[3]}", UriKind.Relative), Cancel);
        Assert.Contains("On the waiting list: number 2", fourth, StringComparison.Ordinal);

        // The first post only asks: it names who moves up, and changes nothing.
        using (var asked = await client.PostAsync($"/registration/{keys[0]}", new Dictionary<string, string>(), $"/registration/{keys[0]}?handler=cancel"))
        {
            var question = System.Net.WebUtility.HtmlDecode(await asked.Content.ReadAsStringAsync(Cancel));
            Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
            Assert.Contains("Nothing has changed yet.", question, StringComparison.Ordinal);
            Assert.Contains("first on the waiting list, will be confirmed and emailed", question, StringComparison.Ordinal);
            Assert.Equal(RegistrationStatus.Confirmed, await App.WithDbAsync(db => db.Registrations.AsNoTracking().Where(r => r.CategoryId == category).OrderBy(r => r.Id).Select(r => r.Status).FirstAsync(Cancel)));
        }

        using var cancelled = await client.PostAsync($"/registration/{keys[0]}", new Dictionary<string, string> { ["confirmed"] = "yes" }, $"/registration/{keys[0]}?handler=cancel");
        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);

        var statuses = await App.WithDbAsync(db => db.Registrations.AsNoTracking().Where(r => r.CategoryId == category).OrderBy(r => r.Id).Select(r => r.Status).ToListAsync(Cancel));
        Assert.Equal([RegistrationStatus.Cancelled, RegistrationStatus.Confirmed, RegistrationStatus.Confirmed, RegistrationStatus.Waitlisted, RegistrationStatus.Waitlisted], statuses);
        Assert.Contains("On the waiting list: number 1", await client.GetStringAsync(new Uri($"/registration/{keys[3]}", UriKind.Relative), Cancel), StringComparison.Ordinal);
        var promoted = await App.WithDbAsync(db => db.Registrations.AsNoTracking().Where(r => r.CategoryId == category).OrderBy(r => r.Id).Skip(2).Select(r => r.Email).FirstAsync(Cancel));
        var mail = await App.WaitForMailAsync(promoted, "registration.promoted");
        Assert.Contains("/registration/" + keys[2], mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registering_again_with_the_same_address_creates_nothing_and_sends_the_existing_link_to_that_address()
    {
        var category = await CategoryAsync(capacity: null);
        var email = $"twice-{category}@summit.test";
        using var first = await RegisterAsync(Form(category, email));
        var key = first.Headers.Location!.OriginalString.Split('/', '?')[2];

        using var second = await RegisterAsync(Form(category, email.ToUpperInvariant(), "Other", "Person"));

        Assert.Equal("/2021/register/sent", second.Headers.Location?.OriginalString);
        Assert.Equal(1, await App.WithDbAsync(db => db.Registrations.CountAsync(r => r.NormalizedEmail == email, Cancel)));
        var mail = await App.WaitForMailAsync(email, "registration.link");
        Assert.Contains("/registration/" + key, mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_input_gets_messages_on_the_form_and_stores_nothing()
    {
        var category = await CategoryAsync(capacity: null);
        var before = await App.WithDbAsync(db => db.Registrations.CountAsync(Cancel));
        var cases = new[]
        {
            Form(category, "not-an-address"),
            Form(category, $"noname-{category}@summit.test", family: "", given: ""),
            Form(category, $"long-{category}@summit.test", family: new string('x', 500)),
            Form(category, $"script-{category}@summit.test", family: "<script>alert('x')</script>"),
            new Dictionary<string, string>(Form(category, $"img-{category}@summit.test")) { ["Input.Organisation"] = "<img src=x onerror=alert(1)>" },
            new Dictionary<string, string>(Form(category, $"consent-{category}@summit.test")) { ["Input.Consent"] = "false" },
            new Dictionary<string, string>(Form(category, $"country-{category}@summit.test")) { ["Input.CountryCode"] = "<script>" },
            new Dictionary<string, string>(Form(category, $"category-{category}@summit.test")) { ["Input.CategoryId"] = "999999" },
        };

        foreach (var form in cases)
        {
            using var response = await RegisterAsync(form);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("validation-summary-errors", await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        }

        Assert.Equal(before, await App.WithDbAsync(db => db.Registrations.CountAsync(Cancel)));
    }

    [Fact]
    public async Task Posting_without_the_antiforgery_token_is_refused_with_400()
    {
        var category = await CategoryAsync(capacity: null);
        using var client = App.Browser();
        using var response = await client.PostWithoutTokenAsync("/2021/register", Form(category, $"forged-{category}@summit.test"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await App.WithDbAsync(db => db.Registrations.CountAsync(r => r.Email == $"forged-{category}@summit.test", Cancel)));
    }

    [Fact]
    public async Task The_csv_export_neutralises_formula_cells_and_is_for_organizers_only()
    {
        var category = await CategoryAsync(capacity: null);
        using var registered = await RegisterAsync(Form(category, $"formula-{category}@summit.test", "=HYPERLINK(\"http://evil.example\")", "+1"));
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);

        using var anonymous = App.Browser();
        using var refused = await anonymous.GetAsync(new Uri("/admin/registrations/2021?handler=csv", UriKind.Relative), Cancel);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        var organizer = await App.CreateUserAsync($"organizer-{Guid.NewGuid():N}@summit.test", Core.Accounts.Roles.Organizer);
        using var client = App.Browser();
        await client.SignInAsync(organizer.Email!);
        var csv = await client.GetStringAsync(new Uri("/admin/registrations/2021?handler=csv", UriKind.Relative), Cancel);

        var line = Assert.Single(csv.Split('\n'), l => l.Contains($"formula-{category}@summit.test", StringComparison.Ordinal));
        Assert.Contains("'=HYPERLINK", line, StringComparison.Ordinal);
        Assert.Contains("'+1", line, StringComparison.Ordinal);
        Assert.DoesNotContain(",=HYPERLINK", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Approving_a_press_registration_grants_the_press_role_to_the_matching_account()
    {
        var press = await App.BuildAsync(async d => await d.CategoryAsync(await d.EditionIdAsync("2021"), capacity: 80, approval: true, kind: CategoryKind.Press));
        var journalist = await App.CreateUserAsync($"journalist-{Guid.NewGuid():N}@summit.test", Core.Accounts.Roles.Attendee);
        using var registered = await RegisterAsync(Form(press, journalist.Email!));
        Assert.Equal(RegistrationStatus.PendingApproval, await App.WithDbAsync(db => db.Registrations.Where(r => r.Email == journalist.Email).Select(r => r.Status).FirstAsync(Cancel)));
        var id = await App.WithDbAsync(db => db.Registrations.Where(r => r.Email == journalist.Email).Select(r => r.Id).FirstAsync(Cancel));

        var organizer = await App.CreateUserAsync($"organizer-{Guid.NewGuid():N}@summit.test", Core.Accounts.Roles.Organizer);
        using var client = App.Browser();
        await client.SignInAsync(organizer.Email!);
        using var approved = await client.PostAsync("/admin/registrations/2021", new Dictionary<string, string> { ["ids"] = id.ToString(CultureInfo.InvariantCulture), ["action"] = "approve", ["message"] = "Welcome to the press centre" }, "/admin/registrations/2021?handler=bulk");

        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.Equal(RegistrationStatus.Confirmed, await App.WithDbAsync(db => db.Registrations.Where(r => r.Id == id).Select(r => r.Status).FirstAsync(Cancel)));
        await App.ConsequencesSettledAsync(); // the role follows the approval in a job
        var roles = await App.ScopedAsync(async s =>
        {
            var users = s.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Core.Accounts.SummitUser>>();
            return await users.GetRolesAsync((await users.FindByEmailAsync(journalist.Email!))!);
        });
        Assert.Contains(Core.Accounts.Roles.Press, roles);
        var mail = await App.WaitForMailAsync(journalist.Email!, "registration.confirmed");
        Assert.Contains("Welcome to the press centre", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Speakers_of_published_sessions_are_registered_automatically_and_lose_it_when_taken_off()
    {
        var (editionId, room, type) = await App.BuildAsync(async d =>
        {
            var edition = await d.EditionIdAsync("2021");
            // Speakers are registered into the edition's Speaker category.
            await d.CategoryAsync(edition, invitation: true, kind: CategoryKind.Speaker);
            return (edition, await d.RoomAsync(edition), await d.SessionTypeAsync(edition));
        });
        var email = $"speaker-{Guid.NewGuid():N}@summit.test";
        var speaker = await App.ScopedAsync(async s => (await s.GetRequiredService<Core.Speakers.SaveSpeaker>().RunAsync(null, new Core.Speakers.SpeakerDetails(
            $"auto-{Guid.NewGuid():N}"[..25], "陈", "静", "Chen", "Jing", true, null, null, "CN", null, null, email, [], []), [editionId], Cancel)).SpeakerId!.Value);
        var session = await App.ScopedAsync(async s => (await s.GetRequiredService<Core.Scheduling.SaveSession>().RunAsync(editionId, null, new Core.Scheduling.SessionDetails(
            "Auto registration talk", "自动注册演讲", null, null, type, null, Core.Scheduling.SessionLanguage.English, false, null,
            [new(speaker, Core.Scheduling.SessionSpeakerRole.Speaker)]), Cancel)).SessionId!.Value);
        var start = Core.Scheduling.ScheduleTime.ToUtc(new DateOnly(2021, 11, 6), new TimeOnly(22, 30), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));
        Assert.True((await App.ScopedAsync(s => s.GetRequiredService<Core.Scheduling.ScheduleSession>().PlaceAsync(editionId, session, room, start, start.AddMinutes(30), Cancel))).Succeeded);

        Assert.True((await App.ScopedAsync(s => s.GetRequiredService<Core.Scheduling.PublishSchedule>().RunAsync(editionId, null, null, cancellationToken: Cancel))).Succeeded);
        await App.ConsequencesSettledAsync(); // the speakers' registrations follow the version in a job

        var registration = await App.WithDbAsync(db => db.Registrations.AsNoTracking().FirstAsync(r => r.SpeakerId == speaker, Cancel));
        Assert.Equal(RegistrationStatus.Confirmed, registration.Status);
        Assert.Equal(email, registration.Email);
        Assert.Equal(CategoryKind.Speaker, await App.WithDbAsync(db => db.RegistrationCategories.Where(c => c.Id == registration.CategoryId).Select(c => c.Kind).FirstAsync(Cancel)));

        Assert.True((await App.ScopedAsync(s => s.GetRequiredService<Core.Scheduling.ScheduleSession>().CancelAsync(editionId, session, Cancel))).Succeeded);
        Assert.True((await App.ScopedAsync(s => s.GetRequiredService<Core.Scheduling.PublishSchedule>().RunAsync(editionId, null, null, cancellationToken: Cancel))).Succeeded);
        await App.ConsequencesSettledAsync(); // the speakers' registrations follow the version in a job

        Assert.Equal(RegistrationStatus.Cancelled, await App.WithDbAsync(db => db.Registrations.Where(r => r.SpeakerId == speaker).Select(r => r.Status).FirstAsync(Cancel)));

        Assert.True((await App.ScopedAsync(s => s.GetRequiredService<Core.Scheduling.ScheduleSession>().ReinstateAsync(editionId, session, Cancel))).Succeeded);
        Assert.True((await App.ScopedAsync(s => s.GetRequiredService<Core.Scheduling.PublishSchedule>().RunAsync(editionId, null, null, cancellationToken: Cancel))).Succeeded);
        await App.ConsequencesSettledAsync(); // the speakers' registrations follow the version in a job

        Assert.Equal(RegistrationStatus.Confirmed, await App.WithDbAsync(db => db.Registrations.Where(r => r.SpeakerId == speaker).Select(r => r.Status).FirstAsync(Cancel)));
        Assert.Equal(1, await App.WithDbAsync(db => db.Registrations.CountAsync(r => r.SpeakerId == speaker, Cancel)));
    }

    [Fact]
    public async Task A_link_that_is_not_ones_own_is_refused()
    {
        using var client = App.Browser();
        using var random = await client.GetAsync(new Uri($"/registration/{Guid.NewGuid():N}", UriKind.Relative), Cancel);
        Assert.Equal(HttpStatusCode.NotFound, random.StatusCode);
        using var id = await client.GetAsync(new Uri("/registration/1", UriKind.Relative), Cancel);
        Assert.Equal(HttpStatusCode.NotFound, id.StatusCode);
    }

    [Fact]
    public async Task Erasure_removes_personal_data_but_keeps_the_counts()
    {
        var category = await CategoryAsync(capacity: 1);
        using var first = await RegisterAsync(Form(category, $"erase-{category}@summit.test", "Erase", "Me"));
        using var second = await RegisterAsync(Form(category, $"next-{category}@summit.test"));
        var key = first.Headers.Location!.OriginalString.Split('/', '?')[2];
        using var client = App.Browser();
        var data = await client.GetStringAsync(new Uri($"/registration/{key}?handler=data", UriKind.Relative), Cancel);
        Assert.Contains($"erase-{category}@summit.test", data, StringComparison.Ordinal);

        using (var asked = await client.PostAsync($"/registration/{key}", new Dictionary<string, string>(), $"/registration/{key}?handler=erase"))
        {
            Assert.Contains("This cannot be undone.", await asked.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
            Assert.True(await App.WithDbAsync(db => db.Registrations.AnyAsync(r => r.Email == $"erase-{category}@summit.test" && r.ErasedAt == null, Cancel)));
        }

        using var erased = await client.PostAsync($"/registration/{key}", new Dictionary<string, string> { ["confirmed"] = "yes" }, $"/registration/{key}?handler=erase");

        Assert.Equal("/registration/erased", erased.Headers.Location?.OriginalString);
        var rows = await App.WithDbAsync(db => db.Registrations.AsNoTracking().Where(r => r.CategoryId == category).OrderBy(r => r.Id).ToListAsync(Cancel));
        Assert.Equal(2, rows.Count);
        Assert.DoesNotContain("erase-", rows[0].Email, StringComparison.Ordinal);
        Assert.Null(rows[0].GivenNameLatin);
        Assert.Null(rows[0].Organisation);
        Assert.Equal(RegistrationStatus.Cancelled, rows[0].Status);
        Assert.Equal(RegistrationStatus.Confirmed, rows[1].Status);
        using var gone = await client.GetAsync(new Uri($"/registration/{key}", UriKind.Relative), Cancel);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    private async Task<HttpClient> OrganizerAsync()
    {
        var organizer = await App.CreateUserAsync($"organizer-{Guid.NewGuid():N}@summit.test", Core.Accounts.Roles.Organizer);
        var client = App.Browser();
        await client.SignInAsync(organizer.Email!);
        return client;
    }

    [Fact]
    public async Task An_organizer_registers_someone_by_hand_and_moves_them_to_another_category()
    {
        var approval = await CategoryAsync(capacity: null, approval: true);
        var full = await CategoryAsync(capacity: 1);
        using var taken = await RegisterAsync(Form(full, $"seat-{full}@summit.test"));
        using var client = await OrganizerAsync();
        var email = $"vip-{approval}@summit.test";
        var form = new Dictionary<string, string>(Form(approval, email)) { ["Input.ConfirmWithoutApproval"] = "true" };
        form.Remove("Input.Consent");

        using var added = await client.PostAsync("/admin/registrations/2021/new", form);

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var row = await App.WithDbAsync(db => db.Registrations.AsNoTracking().FirstAsync(r => r.NormalizedEmail == email, Cancel));
        Assert.Equal((RegistrationStatus.Confirmed, "entered-by-organizer"), (row.Status, row.ConsentVersion));
        Assert.Equal($"/admin/registrations/2021/{row.Id}", added.Headers.Location?.OriginalString);
        await App.WaitForMailAsync(email, "registration.confirmed");

        using var again = await client.PostAsync("/admin/registrations/2021/new", form);
        Assert.Contains("This address is already registered for this edition.", await again.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);

        using var moved = await client.PostAsync($"/admin/registrations/2021/{row.Id}", new Dictionary<string, string> { ["categoryId"] = full.ToString(CultureInfo.InvariantCulture) }, $"/admin/registrations/2021/{row.Id}?handler=category");

        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        var after = await App.WithDbAsync(db => db.Registrations.AsNoTracking().FirstAsync(r => r.Id == row.Id, Cancel));
        Assert.Equal((full, RegistrationStatus.Waitlisted, 1), (after.CategoryId, after.Status, after.WaitlistTicket));
        Assert.Contains("On the waiting list", await client.GetStringAsync(new Uri($"/admin/registrations/2021/{row.Id}", UriKind.Relative), Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invitation_list_is_imported_line_by_line_with_a_report()
    {
        var category = await CategoryAsync(capacity: 2);
        var tag = category.ToString(CultureInfo.InvariantCulture);
        var file = string.Join('\n',
            "email,family_name_zh,given_name_zh,family_name_latin,given_name_latin,organisation,country,language",
            $"a-{tag}@summit.test,曾,刚,Zeng,Gang,National Institution for Finance and Development,CN,zh-Hans",
            $"b-{tag}@summit.test,,,Tan,Mei Ling,'=HYPERLINK(1),SG,en",
            $"c-{tag}@summit.test,,,Lim,Wei,,SG,en",
            $"a-{tag}@summit.test,,,Again,Person,,SG,en",
            "not-an-address,,,No,Body,,SG,en",
            $"d-{tag}@summit.test,,,<script>x</script>,Evil,,SG,fr");
        using var client = await OrganizerAsync();
        using var page = await client.GetAsync(new Uri("/admin/registrations/2021/import", UriKind.Relative), Cancel);
        using var content = new MultipartFormDataContent
        {
            { new StringContent(Forms.Token(await page.Content.ReadAsStringAsync(Cancel))), "__RequestVerificationToken" },
            { new StringContent(tag), "CategoryId" },
            { new StringContent("true"), "ConfirmWithoutApproval" },
        };
        var upload = new ByteArrayContent(Encoding.UTF8.GetBytes(file));
        upload.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        content.Add(upload, "Upload", "invitations.csv");

        using var response = await client.PostAsync(new Uri("/admin/registrations/2021/import", UriKind.Relative), content, Cancel);

        var report = await response.Content.ReadAsStringAsync(Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Confirmed: 2. Waiting for approval: 0. Waiting list: 1. Already registered: 1. Refused: 2.", report, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode(RegisterAttendee.Reasons.EmailInvalid), report, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode(RegistrationCsv.Reasons.BadLanguage), report, StringComparison.Ordinal);
        var rows = await App.WithDbAsync(db => db.Registrations.AsNoTracking().Where(r => r.CategoryId == category).OrderBy(r => r.Id).ToListAsync(Cancel));
        Assert.Equal([$"a-{tag}@summit.test", $"b-{tag}@summit.test", $"c-{tag}@summit.test"], rows.Select(r => r.Email));
        Assert.Equal(("曾", "zh-Hans"), (rows[0].FamilyNameZh, rows[0].PreferredCulture));
        Assert.Equal("=HYPERLINK(1)", rows[1].Organisation);
        Assert.Equal(RegistrationStatus.Waitlisted, rows[2].Status);
    }
}

public sealed class RegistrationTestsOnSqlite(SqliteApp app) : RegistrationTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class RegistrationTestsOnPostgres(PostgresApp app) : RegistrationTests<PostgresApp>(app), IClassFixture<PostgresApp>;
