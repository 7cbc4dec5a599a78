using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Summit.Core.Editions;
using Summit.Core.Registrations;
using Summit.Core.Scheduling;
using Summit.Testing;

namespace Summit.Web.Tests.Registrations;

/// <summary>Seats at seat-limited sessions and attendee self-service, through HTTP as browsers do, on each database engine.</summary>
public abstract class SessionSignupTests<TApp>(TApp app) where TApp : SummitApp
{
    protected SummitFactory App => app.Factory;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>A future open edition with one registration category and one published session of the given seat limit.</summary>
    private async Task<(int EditionId, int CategoryId, int SessionId)> EditionWithSessionAsync(int seatLimit) => await App.ScopedAsync(async s =>
    {
        var slug = $"w{Guid.NewGuid():N}"[..12];
        var edition = (await s.GetRequiredService<SaveEdition>().RunAsync(null, new EditionDetails(
            slug, $"Workshop edition {slug}", $"工作坊 {slug}", null, null, new DateOnly(2030, 11, 5), new DateOnly(2030, 11, 6),
            "Venue", "场地", "Chongqing", "重庆", "Asia/Shanghai", EditionStatus.Open), Cancel)).EditionId!.Value;
        var category = (await s.GetRequiredService<SaveCategory>().RunAsync(edition, null, new CategoryDetails(
            "Delegate", "代表", null, null, CategoryKind.General, null, false, false, null, null, 1), Cancel)).CategoryId!.Value;
        var programme = s.GetRequiredService<SaveProgrammeItem>();
        var venue = (await programme.SaveVenueAsync(edition, null, "Yuelai", "悦来", Cancel)).Id!.Value;
        var room = (await programme.SaveRoomAsync(edition, null, venue, new RoomDetails("Workshop Room", "工作坊会议室", 400, SessionLanguage.English, null, 1), Cancel)).Id!.Value;
        var type = (await programme.SaveTypeAsync(edition, null, "Workshop", "工作坊", false, 1, Cancel)).Id!.Value;
        var session = (await s.GetRequiredService<SaveSession>().RunAsync(edition, null, new SessionDetails(
            "Trade finance workshop", "贸易融资工作坊", null, null, type, null, SessionLanguage.English, false, seatLimit, []), Cancel)).SessionId!.Value;
        var start = ScheduleTime.ToUtc(new DateOnly(2030, 11, 5), new TimeOnly(14, 0), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));
        Assert.True((await s.GetRequiredService<ScheduleSession>().PlaceAsync(edition, session, room, start, start.AddHours(2), Cancel)).Succeeded);
        Assert.True((await s.GetRequiredService<PublishSchedule>().RunAsync(edition, null, null, cancellationToken: Cancel)).Succeeded);
        return (edition, category, session);
    });

    private async Task<List<(int Id, string Key, string Email)>> RegisterManyAsync(int category, int count, string prefix) =>
        await App.BuildAsync(async data => (await data.ConfirmedRegistrationsAsync(category, count, prefix)).Select(r => (r.Id, r.AccessKey, r.Email)).ToList());

    private async Task<HttpResponseMessage> PostOnSessionsPageAsync(string key, string handler, int session)
    {
        using var client = App.Browser();
        return await client.PostAsync(
            $"/registration/{key}/sessions",
            new Dictionary<string, string> { ["sessionId"] = session.ToString(CultureInfo.InvariantCulture) },
            $"/registration/{key}/sessions?handler={handler}");
    }

    [Fact]
    public async Task Three_hundred_sign_ups_at_once_for_fifty_seats_seat_fifty_and_giving_one_up_promotes_the_first_in_line()
    {
        var (_, category, session) = await EditionWithSessionAsync(seatLimit: 50);
        var people = await RegisterManyAsync(category, 300, "seat");

        var responses = await Task.WhenAll(people.Select(p => PostOnSessionsPageAsync(p.Key, "signup", session)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        foreach (var response in responses)
        {
            response.Dispose();
        }

        var rows = await App.WithDbAsync(db => db.SessionSignups.AsNoTracking().Where(s => s.SessionId == session).Select(s => new { s.RegistrationId, s.Status, s.WaitlistTicket }).ToListAsync(Cancel));
        Assert.Equal(300, rows.Count);
        Assert.Equal(50, rows.Count(r => r.Status == SignupStatus.Confirmed));
        Assert.Equal(Enumerable.Range(1, 250), rows.Where(r => r.Status == SignupStatus.Waitlisted).Select(r => r.WaitlistTicket!.Value).Order());
        Assert.Equal(50, await App.WithDbAsync(db => db.Sessions.Where(s => s.Id == session).Select(s => s.SeatsTaken).FirstAsync(Cancel)));

        var seated = people.First(p => rows.Single(r => r.RegistrationId == p.Id).Status == SignupStatus.Confirmed);
        var firstInLine = people.Single(p => rows.Single(r => r.RegistrationId == p.Id).WaitlistTicket == 1);
        var secondInLine = people.Single(p => rows.Single(r => r.RegistrationId == p.Id).WaitlistTicket == 2);
        using (var client = App.Browser())
        {
            Assert.Contains("On the waiting list: number 2", await client.GetStringAsync(new Uri($"/registration/{secondInLine.Key}/sessions", UriKind.Relative), Cancel), StringComparison.Ordinal);
        }

        using var givenUp = await PostOnSessionsPageAsync(seated.Key, "cancel", session);

        Assert.Equal(HttpStatusCode.Redirect, givenUp.StatusCode);
        var after = await App.WithDbAsync(db => db.SessionSignups.AsNoTracking().Where(s => s.SessionId == session).ToDictionaryAsync(s => s.RegistrationId, s => s.Status, Cancel));
        Assert.False(after.ContainsKey(seated.Id));
        Assert.Equal(SignupStatus.Confirmed, after[firstInLine.Id]);
        Assert.Equal(50, after.Values.Count(s => s == SignupStatus.Confirmed));
        var mail = await App.WaitForMailAsync(firstInLine.Email, "signup.promoted");
        Assert.Contains($"/registration/{firstInLine.Key}/sessions", mail.TextBody, StringComparison.Ordinal);
        using var page = App.Browser();
        Assert.Contains("On the waiting list: number 1", await page.GetStringAsync(new Uri($"/registration/{secondInLine.Key}/sessions", UriKind.Relative), Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signed_in_attendee_reserves_a_seat_from_the_session_page_and_someone_without_a_registration_is_told_why_not()
    {
        var (edition, category, session) = await EditionWithSessionAsync(seatLimit: 2);
        var attendee = (await RegisterManyAsync(category, 1, "seat-page")).Single();
        await App.CreateUserAsync(attendee.Email, Summit.Core.Accounts.Roles.Attendee);
        var slug = await App.WithDbAsync(db => db.Editions.Where(e => e.Id == edition).Select(e => e.Slug).SingleAsync(Cancel));
        var seatPage = $"/my/seats/{session}";

        using (var anonymous = App.Browser())
        {
            Assert.Contains($"href=\"{seatPage}\"", await anonymous.GetStringAsync(new Uri($"/{slug}/sessions/{session}", UriKind.Relative), Cancel), StringComparison.Ordinal);
            using var challenged = await anonymous.GetAsync(new Uri(seatPage, UriKind.Relative), Cancel);
            Assert.Equal(HttpStatusCode.Redirect, challenged.StatusCode);
            Assert.Contains($"ReturnUrl={Uri.EscapeDataString(seatPage)}", challenged.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);
        }

        using var client = App.Browser();
        await client.SignInAsync(attendee.Email);
        Assert.Contains("2 of 2 seats left", await client.GetStringAsync(new Uri(seatPage, UriKind.Relative), Cancel), StringComparison.Ordinal);
        using (var reserved = await client.PostAsync(seatPage, new Dictionary<string, string>(), $"{seatPage}?handler=signup"))
        {
            Assert.Equal(HttpStatusCode.Redirect, reserved.StatusCode);
            var after = await client.GetStringAsync(reserved.Headers.Location, Cancel);
            Assert.Contains("Your seat at “Trade finance workshop” is reserved.", after, StringComparison.Ordinal);
            Assert.Contains("Give up my seat", after, StringComparison.Ordinal);
        }

        Assert.Equal(SignupStatus.Confirmed, await App.WithDbAsync(db => db.SessionSignups.Where(x => x.SessionId == session && x.RegistrationId == attendee.Id).Select(x => x.Status).SingleAsync(Cancel)));
        Assert.Equal(1, await App.WithDbAsync(db => db.Sessions.Where(x => x.Id == session).Select(x => x.SeatsTaken).SingleAsync(Cancel)));

        var stranger = await App.CreateUserAsync($"no-registration-{Guid.NewGuid():N}@summit.test", Summit.Core.Accounts.Roles.Attendee);
        using var other = App.Browser();
        await other.SignInAsync(stranger.Email!);
        var refused = await other.GetStringAsync(new Uri(seatPage, UriKind.Relative), Cancel);
        Assert.Contains("No registration of yours for it was found", refused, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=signup", refused, StringComparison.Ordinal);
        using (var posted = await other.PostAsync(seatPage, new Dictionary<string, string>(), $"{seatPage}?handler=signup"))
        {
            Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        }

        Assert.Equal(1, await App.WithDbAsync(db => db.SessionSignups.CountAsync(x => x.SessionId == session, Cancel)));
        using var missing = await client.GetAsync(new Uri("/my/seats/987654", UriKind.Relative), Cancel);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task An_attendee_changes_their_details_from_their_link_and_bad_input_changes_nothing()
    {
        var (_, category, _) = await EditionWithSessionAsync(seatLimit: 10);
        var person = (await RegisterManyAsync(category, 1, "edit"))[0];
        var form = new Dictionary<string, string>
        {
            ["Input.FamilyNameZh"] = "曾",
            ["Input.GivenNameZh"] = "刚",
            ["Input.FamilyNameLatin"] = "Zeng",
            ["Input.GivenNameLatin"] = "Gang",
            ["Input.LatinFamilyNameFirst"] = "true",
            ["Input.Email"] = person.Email,
            ["Input.Organisation"] = "National Institution for Finance and Development",
            ["Input.CountryCode"] = "CN",
            ["Input.PreferredCulture"] = "zh-Hans",
        };
        using var client = App.Browser();

        foreach (var (field, value) in new[] { ("Input.GivenNameLatin", "<script>alert(1)</script>"), ("Input.Organisation", new string('x', 500)), ("Input.Email", "nobody") })
        {
            using var refused = await client.PostAsync($"/registration/{person.Key}/edit", new Dictionary<string, string>(form) { [field] = value });
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("validation-summary-errors", await refused.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        }

        Assert.Equal("Guest", await App.WithDbAsync(db => db.Registrations.Where(r => r.Id == person.Id).Select(r => r.FamilyNameLatin).FirstAsync(Cancel)));

        using var saved = await client.PostAsync($"/registration/{person.Key}/edit", form);

        Assert.Equal($"/registration/{person.Key}", saved.Headers.Location?.OriginalString);
        var row = await App.WithDbAsync(db => db.Registrations.AsNoTracking().FirstAsync(r => r.Id == person.Id, Cancel));
        Assert.Equal(("曾", "刚", "Zeng", "zh-Hans", "CN"), (row.FamilyNameZh, row.GivenNameZh, row.FamilyNameLatin, row.PreferredCulture, row.CountryCode));
    }

    [Fact]
    public async Task Self_service_pages_refuse_a_link_that_is_not_ones_own()
    {
        var (_, category, session) = await EditionWithSessionAsync(seatLimit: 10);
        var person = (await RegisterManyAsync(category, 1, "owner"))[0];
        using var client = App.Browser();
        var forged = Guid.NewGuid().ToString("N");
        foreach (var path in new[] { $"/registration/{forged}/sessions", $"/registration/{forged}/edit", $"/registration/{person.Id}/sessions" })
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Cancel);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        // A valid token from the owner's page does not make someone else's key work.
        var token = Forms.Token(await client.GetStringAsync(new Uri($"/registration/{person.Key}/sessions", UriKind.Relative), Cancel));
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["sessionId"] = session.ToString(CultureInfo.InvariantCulture), ["__RequestVerificationToken"] = token });
        using var post = await client.PostAsync(new Uri($"/registration/{forged}/sessions?handler=signup", UriKind.Relative), content, Cancel);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.False(await App.WithDbAsync(db => db.SessionSignups.AnyAsync(s => s.SessionId == session, Cancel)));
    }
}

public sealed class SessionSignupTestsOnSqlite(SqliteApp app) : SessionSignupTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class SessionSignupTestsOnPostgres(PostgresApp app) : SessionSignupTests<PostgresApp>(app), IClassFixture<PostgresApp>;
