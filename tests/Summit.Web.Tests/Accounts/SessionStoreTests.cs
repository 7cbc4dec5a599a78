using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Summit.Core.Accounts;
using Summit.Testing;

namespace Summit.Web.Tests.Accounts;

/// <summary>
/// Sessions live in the database, so they end when they should: a copy of a cookie taken before sign-out is refused
/// at once, a person signs out another device or every other one from their sessions page, and a role taken away or
/// a password changed ends the sessions it should at once, not at the next security-stamp check.
/// </summary>
public abstract partial class SessionStoreTests<TApp>(TApp app) where TApp : SummitApp
{
    private static readonly Uri Site = new("https://localhost");

    private const string Firefox = "Mozilla/5.0 (Android 14; Mobile; rv:133.0) Gecko/133.0 Firefox/133.0";
    private const string Chrome = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
    private const string Safari = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";

    private SummitFactory App => app.Factory;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static string NewEmail() => $"session-{Guid.NewGuid():N}@summit.test";

    /// <summary>A browser whose cookie jar the test can read and copy from.</summary>
    private sealed class Device(HttpClient client, CookieContainer jar) : IDisposable
    {
        public HttpClient Client { get; } = client;

        public CookieContainer Jar { get; } = jar;

        public Cookie? AuthCookie => Jar.GetCookies(Site)[".Summit.Auth"];

        public void Dispose() => Client.Dispose();
    }

    private Device NewDevice(string userAgent)
    {
        var jar = new CookieContainer();
        var client = App.CreateDefaultClient(Site, new CookieContainerHandler(jar));
        client.DefaultRequestHeaders.UserAgent.ParseAdd(userAgent);
        return new Device(client, jar);
    }

    private async Task<Device> SignedInAsync(string email, string userAgent)
    {
        var device = NewDevice(userAgent);
        await device.Client.SignInAsync(email);
        Assert.NotNull(device.AuthCookie);
        return device;
    }

    /// <summary>The status of /account/manage for a device: 200 while signed in, 302 to the sign-in page after.</summary>
    private static async Task<HttpStatusCode> AccountPageAsync(Device device)
    {
        using var response = await device.Client.GetAsync(new Uri("/account/manage", UriKind.Relative), Cancel);
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            Assert.StartsWith("https://localhost/account/login", response.Headers.Location?.ToString(), StringComparison.Ordinal);
        }

        return response.StatusCode;
    }

    [Fact]
    public async Task A_copy_of_the_cookie_is_refused_once_its_browser_signs_out()
    {
        var user = await App.CreateUserAsync(NewEmail(), Roles.Attendee);
        using var owner = await SignedInAsync(user.Email!, Chrome);
        using var thief = NewDevice(Firefox);
        thief.Jar.Add(Site, new Cookie(owner.AuthCookie!.Name, owner.AuthCookie.Value, "/", "localhost") { Secure = true, HttpOnly = true });
        Assert.Equal(HttpStatusCode.OK, await AccountPageAsync(thief));
        // The cookie holds only the key to the session row.
        Assert.True(owner.AuthCookie.Value.Length < 600, $"The auth cookie is {owner.AuthCookie.Value.Length} characters: it should carry a key, not the claims.");

        using (var signedOut = await owner.Client.PostAsync("/account/logout", new Dictionary<string, string>()))
        {
            Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        }

        Assert.Equal(HttpStatusCode.Redirect, await AccountPageAsync(thief));
        Assert.Equal(0, await App.WithDbAsync(db => db.AccountSessions.CountAsync(s => s.UserId == user.Id, Cancel)));
    }

    [Fact]
    public async Task The_sessions_page_lists_each_device_and_signs_out_one_or_every_other()
    {
        var user = await App.CreateUserAsync(NewEmail(), Roles.Attendee);
        using var laptop = await SignedInAsync(user.Email!, Chrome);
        using var phone = await SignedInAsync(user.Email!, Firefox);
        using var tablet = await SignedInAsync(user.Email!, Safari);

        var html = await laptop.Client.GetStringAsync(new Uri("/account/manage/sessions", UriKind.Relative), Cancel);
        Assert.Contains("Chrome on Windows", html, StringComparison.Ordinal);
        Assert.Contains("Firefox on Android", html, StringComparison.Ordinal);
        Assert.Contains("Safari on iOS", html, StringComparison.Ordinal);
        Assert.Single(ThisDevice().Matches(html));
        var rows = Rows(html);
        Assert.Equal(3, rows.Count);
        // This device's row is marked; the phone's id comes from its row.
        Assert.Contains("This device", rows.Single(r => r.Text.Contains("Chrome on Windows", StringComparison.Ordinal)).Text, StringComparison.Ordinal);
        var phoneId = rows.Single(r => r.Text.Contains("Firefox", StringComparison.Ordinal)).Id;

        using (var ended = await laptop.Client.PostAsync("/account/manage/sessions", new Dictionary<string, string> { ["id"] = phoneId }, "/account/manage/sessions?handler=End"))
        {
            Assert.Equal("/account/manage/sessions?outcome=Ended", ended.Headers.Location?.OriginalString);
        }

        Assert.Equal(HttpStatusCode.Redirect, await AccountPageAsync(phone));
        Assert.Equal(HttpStatusCode.OK, await AccountPageAsync(tablet));
        // Someone else's session, or one already ended, is not there to end.
        using (var again = await laptop.Client.PostAsync("/account/manage/sessions", new Dictionary<string, string> { ["id"] = phoneId }, "/account/manage/sessions?handler=End"))
        {
            Assert.Equal("/account/manage/sessions?outcome=AlreadyEnded", again.Headers.Location?.OriginalString);
        }

        using (var others = await laptop.Client.PostAsync("/account/manage/sessions", new Dictionary<string, string>(), "/account/manage/sessions?handler=EndOthers"))
        {
            Assert.Equal("/account/manage/sessions?outcome=OthersEnded&count=1", others.Headers.Location?.OriginalString);
        }

        Assert.Equal(HttpStatusCode.Redirect, await AccountPageAsync(tablet));
        Assert.Equal(HttpStatusCode.OK, await AccountPageAsync(laptop));
        var after = await laptop.Client.GetStringAsync(new Uri("/account/manage/sessions?outcome=OthersEnded&count=1", UriKind.Relative), Cancel);
        Assert.Contains("Signed out on 1 other devices.", after, StringComparison.Ordinal);
        Assert.Single(Rows(after));

        // Signing out this device from the list signs this browser out.
        using (var own = await laptop.Client.PostAsync("/account/manage/sessions", new Dictionary<string, string> { ["id"] = Rows(after)[0].Id }, "/account/manage/sessions?handler=End"))
        {
            Assert.Equal("/account/login", own.Headers.Location?.OriginalString);
        }

        Assert.Equal(HttpStatusCode.Redirect, await AccountPageAsync(laptop));
    }

    [Fact]
    public async Task Signing_in_on_a_browser_where_someone_else_is_signed_in_does_not_hand_their_key_to_the_newcomer()
    {
        var attacker = await App.CreateUserAsync(NewEmail(), Roles.Attendee);
        var victim = await App.CreateUserAsync(NewEmail(), Roles.Attendee);
        using var shared = await SignedInAsync(attacker.Email!, Chrome);
        // The attacker keeps a copy of their own cookie and leaves the browser signed in.
        using var copy = NewDevice(Firefox);
        copy.Jar.Add(Site, new Cookie(shared.AuthCookie!.Name, shared.AuthCookie.Value, "/", "localhost") { Secure = true, HttpOnly = true });

        await shared.Client.SignInAsync(victim.Email!);

        // The copy opens no one's account, and the shared browser is asked to sign in afresh, which gives it a key of its own.
        Assert.Equal(HttpStatusCode.Redirect, await AccountPageAsync(copy));
        Assert.Equal(HttpStatusCode.Redirect, await AccountPageAsync(shared));
        await shared.Client.SignInAsync(victim.Email!);
        var html = await shared.Client.GetStringAsync(new Uri("/account/manage", UriKind.Relative), Cancel);
        Assert.Contains(victim.Email!, html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, await AccountPageAsync(copy));
        Assert.Equal(0, await App.WithDbAsync(db => db.AccountSessions.CountAsync(s => s.UserId == attacker.Id, Cancel)));
    }

    [Fact]
    public async Task One_person_cannot_end_another_persons_session()
    {
        var mei = await App.CreateUserAsync(NewEmail(), Roles.Attendee);
        var lin = await App.CreateUserAsync(NewEmail(), Roles.Attendee);
        using var meiDevice = await SignedInAsync(mei.Email!, Chrome);
        using var linDevice = await SignedInAsync(lin.Email!, Firefox);
        var linId = Rows(await linDevice.Client.GetStringAsync(new Uri("/account/manage/sessions", UriKind.Relative), Cancel)).Single().Id;

        using var tried = await meiDevice.Client.PostAsync("/account/manage/sessions", new Dictionary<string, string> { ["id"] = linId }, "/account/manage/sessions?handler=End");

        Assert.Equal("/account/manage/sessions?outcome=AlreadyEnded", tried.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, await AccountPageAsync(linDevice));
    }

    [Fact]
    public async Task Taking_a_role_away_signs_the_account_out_at_once_and_giving_one_does_not()
    {
        var organizer = await App.CreateUserAsync(NewEmail(), Roles.Organizer);
        var press = await App.CreateUserAsync(NewEmail(), Roles.Press);
        using var admin = await SignedInAsync(organizer.Email!, Chrome);
        using var reporter = await SignedInAsync(press.Email!, Safari);
        Assert.Equal(HttpStatusCode.OK, await AccountPageAsync(reporter));

        using (var granted = await admin.Client.PostAsync("/admin/users", new Dictionary<string, string> { ["confirmed"] = "yes" }, $"/admin/users?handler=Role&id={press.Id}&role=Speaker&grant=true"))
        {
            Assert.Equal("/admin/users?outcome=Saved", granted.Headers.Location?.OriginalString);
        }

        Assert.Equal(HttpStatusCode.OK, await AccountPageAsync(reporter));

        using (var asked = await admin.Client.PostAsync("/admin/users", new Dictionary<string, string>(), $"/admin/users?handler=Role&id={press.Id}&role=Press&grant=false"))
        {
            Assert.Contains("Every signed-in session of this account is signed out at once.", await asked.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        }

        using (var removed = await admin.Client.PostAsync("/admin/users", new Dictionary<string, string> { ["confirmed"] = "yes" }, $"/admin/users?handler=Role&id={press.Id}&role=Press&grant=false"))
        {
            Assert.Equal("/admin/users?outcome=Saved", removed.Headers.Location?.OriginalString);
        }

        Assert.Equal(HttpStatusCode.Redirect, await AccountPageAsync(reporter));
        using var newsroom = await reporter.Client.GetAsync(new Uri("/newsroom", UriKind.Relative), Cancel);
        Assert.StartsWith("https://localhost/account/login", newsroom.Headers.Location?.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, await AccountPageAsync(admin));
    }

    [Fact]
    public async Task Changing_the_password_signs_out_every_other_device_and_keeps_this_one()
    {
        var user = await App.CreateUserAsync(NewEmail(), Roles.Attendee);
        using var laptop = await SignedInAsync(user.Email!, Chrome);
        using var phone = await SignedInAsync(user.Email!, Firefox);
        const string newPassword = "copper harbour drifts eastward";

        using (var changed = await laptop.Client.PostAsync("/account/manage/change-password", new Dictionary<string, string>
        {
            ["Input.OldPassword"] = SummitFactory.Password,
            ["Input.NewPassword"] = newPassword,
            ["Input.ConfirmPassword"] = newPassword,
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        }

        Assert.Equal(HttpStatusCode.Redirect, await AccountPageAsync(phone));
        Assert.Equal(HttpStatusCode.OK, await AccountPageAsync(laptop));
        Assert.Equal(1, await App.WithDbAsync(db => db.AccountSessions.CountAsync(s => s.UserId == user.Id, Cancel)));
    }

    [Fact]
    public async Task A_session_records_how_and_from_where_it_signed_in()
    {
        var user = await App.CreateUserAsync(NewEmail(), Roles.Attendee);
        using var device = await SignedInAsync(user.Email!, Firefox);

        var session = await App.WithDbAsync(db => db.AccountSessions.AsNoTracking().SingleAsync(s => s.UserId == user.Id, Cancel));

        Assert.Equal(SignInMethod.Password, session.Method);
        Assert.Equal(Firefox, session.UserAgent);
        Assert.Equal(session.CreatedAt.AddDays(90), session.ExpiresAt);
        Assert.Matches("^[0-9a-f]{64}$", session.Id);
    }

    private static List<(string Id, string Text)> Rows(string html) =>
        SessionRow().Matches(html).Select(m => (m.Groups["id"].Value, m.Groups["text"].Value)).ToList();

    [GeneratedRegex("<tr>(?<text>(?:(?!</tr>).)*?)name=\"id\" value=\"(?<id>[0-9a-f]{64})\"", RegexOptions.Singleline)]
    private static partial Regex SessionRow();

    [GeneratedRegex("<span class=\"badge\">This device</span>")]
    private static partial Regex ThisDevice();
}

public sealed class SessionStoreTestsOnSqlite(SqliteApp app) : SessionStoreTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class SessionStoreTestsOnPostgres(PostgresApp app) : SessionStoreTests<PostgresApp>(app), IClassFixture<PostgresApp>;
