using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Summit.Core.Accounts;
using Summit.Core.Data;
using Summit.Testing;

namespace Summit.Web.Tests.Accounts;

public sealed partial class SessionTests
{
    [Fact]
    public async Task A_sign_in_on_one_node_is_valid_on_another_node_of_the_same_database()
    {
        // Two app instances on one SQLite file stand for a restart or a second web node: the Data Protection keys
        // live in the database, so the cookie the first issued is read by the second.
        await using var first = new SummitFactory(DatabaseProvider.Sqlite);
        var user = await first.CreateUserAsync($"node-{Guid.NewGuid():N}@summit.test", Roles.Organizer);
        var authCookie = await AuthCookieAsync(first, user.Email!);
        using var firstClient = first.Browser();
        firstClient.DefaultRequestHeaders.Add("Cookie", authCookie);
        using (var onFirst = await firstClient.GetAsync(new Uri("/admin", UriKind.Relative), TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, onFirst.StatusCode);
        }

        await using var second = new SummitFactory(DatabaseProvider.Sqlite);
        second.Settings["Storage:Path"] = first.StoragePath;
        using var secondClient = second.Browser();
        secondClient.DefaultRequestHeaders.Add("Cookie", authCookie);
        using var response = await secondClient.GetAsync(new Uri("/admin", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, await second.WithDbAsync(db => Task.FromResult(db.DataProtectionKeys.Count())));

        // The session is a row of that database: ended on one node (the person signs out everywhere else from
        // another browser), the cookie is refused on the other at its next request.
        using var elsewhere = first.Browser();
        await elsewhere.SignInAsync(user.Email!);
        using (var ended = await elsewhere.PostAsync("/account/manage/sessions", new Dictionary<string, string>(), "/account/manage/sessions?handler=EndOthers"))
        {
            Assert.Equal("/account/manage/sessions?outcome=OthersEnded&count=1", ended.Headers.Location?.OriginalString);
        }

        using var refused = await secondClient.GetAsync(new Uri("/admin", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
    }

    private static async Task<string> AuthCookieAsync(SummitFactory app, string email)
    {
        using var client = app.Browser();
        using var page = await client.GetAsync(new Uri("/account/login", UriKind.Relative));
        var token = Forms.Token(await page.Content.ReadAsStringAsync());
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = SummitFactory.Password,
            ["__RequestVerificationToken"] = token,
        });
        using var response = await client.PostAsync(new Uri("/account/login", UriKind.Relative), content);
        var setCookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".Summit.Auth=", StringComparison.Ordinal));
        return setCookie.Split(';')[0];
    }

    [Fact]
    public async Task Two_factor_with_an_authenticator_app_is_asked_for_at_the_next_sign_in()
    {
        await using var app = new SummitFactory(DatabaseProvider.Sqlite);
        var user = await app.CreateUserAsync($"totp-{Guid.NewGuid():N}@summit.test", Roles.Speaker);
        using var client = app.Browser();
        await client.SignInAsync(user.Email!);

        using (var start = await client.PostAsync("/account/manage/two-factor", new Dictionary<string, string>(), "/account/manage/two-factor?handler=Setup"))
        {
            Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        }

        var setup = await client.GetStringAsync(new Uri("/account/manage/two-factor", UriKind.Relative), TestContext.Current.CancellationToken);
        var key = KeyPattern().Match(setup).Groups[1].Value.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        Assert.False(string.IsNullOrEmpty(key));
        Assert.Contains("data:image/png;base64,", setup, StringComparison.Ordinal);

        using (var wrong = await client.PostAsync("/account/manage/two-factor", new Dictionary<string, string> { ["Code"] = "000000" }, "/account/manage/two-factor?handler=Enable"))
        {
            Assert.Contains("That code is not correct.", await wrong.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        }

        string recovery;
        // Kept, so that the replay below is this very code even if a 30-second step ends in between (it did once, under CI load).
        var enabling = Totp(key);
        using (var enabled = await client.PostAsync("/account/manage/two-factor", new Dictionary<string, string> { ["Code"] = enabling }, "/account/manage/two-factor?handler=Enable"))
        {
            var html = await enabled.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            Assert.Contains("Keep these recovery codes somewhere safe.", html, StringComparison.Ordinal);
            recovery = Regex.Match(html, "<ul class=\"codes\">\\s*<li>([^<]+)</li>").Groups[1].Value;
            Assert.False(string.IsNullOrEmpty(recovery));
        }

        using var fresh = app.Browser();
        using var login = await fresh.PostAsync("/account/login", new Dictionary<string, string> { ["Input.Email"] = user.Email!, ["Input.Password"] = SummitFactory.Password });
        Assert.StartsWith("/account/login-2fa", login.Headers.Location?.OriginalString, StringComparison.Ordinal);
        using (var denied = await fresh.GetAsync(new Uri("/account/manage", UriKind.Relative), TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        }

        // The code that turned two-factor on was used: its 30-second step signs in no more. The next step's code
        // (accepted early, for a clock that drifts) does.
        using (var replayed = await fresh.PostAsync(login.Headers.Location!.OriginalString, new Dictionary<string, string> { ["Code"] = enabling }, "/account/login-2fa?returnUrl=%2F&rememberMe=false"))
        {
            Assert.Equal(HttpStatusCode.OK, replayed.StatusCode);
            Assert.Contains("That code is not correct.", await replayed.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        }

        var next = Totp(key, steps: 1);
        using var second = await fresh.PostAsync(login.Headers.Location!.OriginalString, new Dictionary<string, string> { ["Code"] = next }, "/account/login-2fa?returnUrl=%2F&rememberMe=false");
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal("/", second.Headers.Location?.OriginalString);
        using var manage = await fresh.GetAsync(new Uri("/account/manage", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, manage.StatusCode);

        // Someone who saw that code and tries it at once, on another device, is refused; so is the one before it.
        foreach (var seen in new[] { next, Totp(key) })
        {
            using var thief = app.Browser();
            using var theirLogin = await thief.PostAsync("/account/login", new Dictionary<string, string> { ["Input.Email"] = user.Email!, ["Input.Password"] = SummitFactory.Password });
            using var theirs = await thief.PostAsync(theirLogin.Headers.Location!.OriginalString, new Dictionary<string, string> { ["Code"] = seen }, "/account/login-2fa?returnUrl=%2F&rememberMe=false");
            Assert.Equal(HttpStatusCode.OK, theirs.StatusCode);
            Assert.Contains("That code is not correct.", await theirs.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        }

        // A recovery code works once too.
        for (var attempt = 0; attempt < 2; attempt++)
        {
            using var lost = app.Browser();
            using var lostLogin = await lost.PostAsync("/account/login", new Dictionary<string, string> { ["Input.Email"] = user.Email!, ["Input.Password"] = SummitFactory.Password });
            Assert.StartsWith("/account/login-2fa", lostLogin.Headers.Location?.OriginalString, StringComparison.Ordinal);
            using var recovered = await lost.PostAsync("/account/login-recovery-code", new Dictionary<string, string> { ["RecoveryCode"] = recovery }, "/account/login-recovery-code?returnUrl=%2F");
            Assert.Equal(attempt == 0 ? HttpStatusCode.Redirect : HttpStatusCode.OK, recovered.StatusCode);
        }
    }

    [Fact]
    public async Task Opening_or_setting_up_two_factor_keeps_every_session_of_the_account_signed_in()
    {
        await using var app = new SummitFactory(DatabaseProvider.Sqlite);
        var user = await app.CreateUserAsync($"stamp-{Guid.NewGuid():N}@summit.test", Roles.Attendee);
        using var client = app.Browser();
        await client.SignInAsync(user.Email!);
        var before = await StampAsync(app, user.Id);

        var offer = await client.GetStringAsync(new Uri("/account/manage/two-factor", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Contains("Set up an authenticator app", offer, StringComparison.Ordinal);
        Assert.DoesNotContain("otpauth", offer, StringComparison.Ordinal);
        Assert.Equal(before, await StampAsync(app, user.Id));
        Assert.Null(await KeyAsync(app, user.Id));

        using (var start = await client.PostAsync("/account/manage/two-factor", new Dictionary<string, string>(), "/account/manage/two-factor?handler=Setup"))
        {
            Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        }

        var key = await KeyAsync(app, user.Id);
        Assert.False(string.IsNullOrEmpty(key));
        var shown = await client.GetStringAsync(new Uri("/account/manage/two-factor", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Contains(string.Join(' ', key!.Chunk(4).Select(c => new string(c))).ToLowerInvariant(), shown, StringComparison.Ordinal);
        using (var again = await client.PostAsync("/account/manage/two-factor", new Dictionary<string, string>(), "/account/manage/two-factor?handler=Setup"))
        {
            Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        }

        Assert.Equal(key, await KeyAsync(app, user.Id));
        Assert.Equal(before, await StampAsync(app, user.Id));

        using (var enabled = await client.PostAsync("/account/manage/two-factor", new Dictionary<string, string> { ["Code"] = Totp(key.ToUpperInvariant()) }, "/account/manage/two-factor?handler=Enable"))
        {
            Assert.Contains("Keep these recovery codes somewhere safe.", await enabled.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        }

        Assert.NotEqual(before, await StampAsync(app, user.Id));
    }

    private static Task<string?> StampAsync(SummitFactory app, string userId) =>
        app.WithDbAsync(db => Task.FromResult(db.Users.Where(u => u.Id == userId).Select(u => u.SecurityStamp).Single()));

    private static Task<string?> KeyAsync(SummitFactory app, string userId) =>
        app.WithDbAsync(db => Task.FromResult(db.UserTokens.Where(t => t.UserId == userId && t.Name == "AuthenticatorKey").Select(t => t.Value).SingleOrDefault()));

    [Fact]
    public async Task Without_the_authenticator_app_a_code_by_email_completes_the_sign_in()
    {
        await using var app = new SummitFactory(DatabaseProvider.Sqlite);
        var user = await app.CreateUserAsync($"emailcode-{Guid.NewGuid():N}@summit.test", Roles.Attendee);
        await app.ScopedAsync(async s =>
        {
            var users = s.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<SummitUser>>();
            var found = (await users.FindByIdAsync(user.Id))!;
            await users.ResetAuthenticatorKeyAsync(found);
            return await users.SetTwoFactorEnabledAsync(found, true);
        });
        using var client = app.Browser();
        using var login = await client.PostAsync("/account/login", new Dictionary<string, string> { ["Input.Email"] = user.Email!, ["Input.Password"] = SummitFactory.Password });
        Assert.StartsWith("/account/login-2fa", login.Headers.Location?.OriginalString, StringComparison.Ordinal);
        const string page = "/account/login-email-code?returnUrl=%2Fmy%2Fregistration&rememberMe=false";

        using (var wrong = await client.PostAsync(page, new Dictionary<string, string> { ["Code"] = "000000" }))
        {
            Assert.Contains("That code is not correct or has expired.", await wrong.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        }

        using (var sent = await client.PostAsync(page, new Dictionary<string, string>(), "/account/login-email-code?handler=send&returnUrl=%2Fmy%2Fregistration&rememberMe=false"))
        {
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        }

        var mail = await app.WaitForMailAsync(user.Email!, Summit.Jobs.Accounts.AccountMails.TwoFactorCodeKind);
        // The code where the text says it is: the greeting carries the address, whose random part may hold six digits too.
        var code = System.Text.RegularExpressions.Regex.Match(mail.TextBody ?? "", "code is ([0-9]{6})").Groups[1].Value;
        Assert.Equal(6, code.Length);

        using var signedIn = await client.PostAsync(page, new Dictionary<string, string> { ["Code"] = code });
        Assert.Equal("/my/registration", signedIn.Headers.Location?.OriginalString);
        using var mine = await client.GetAsync(new Uri("/my/registration", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);

        // The emailed code signed in once; on another device, within its ten minutes, it does not.
        using var other = app.Browser();
        using var otherLogin = await other.PostAsync("/account/login", new Dictionary<string, string> { ["Input.Email"] = user.Email!, ["Input.Password"] = SummitFactory.Password });
        Assert.StartsWith("/account/login-2fa", otherLogin.Headers.Location?.OriginalString, StringComparison.Ordinal);
        using var reused = await other.PostAsync(page, new Dictionary<string, string> { ["Code"] = code });
        Assert.Equal(HttpStatusCode.OK, reused.StatusCode);
        Assert.Contains("That code is not correct or has expired.", await reused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_create_organizer_command_makes_the_first_organizer_of_a_deployment()
    {
        var storage = Directory.CreateTempSubdirectory("summit-cli-");
        try
        {
            Environment.SetEnvironmentVariable("SUMMIT_ORGANIZER_PASSWORD", "lantern orbit kettle violet");
            string[] args = ["create-organizer", "--email", "chair@cci-fs.example", "--name", "Summit Chair", $"--Storage:Path={storage.FullName}"];
            Assert.Equal(0, await Summit.Web.Hosting.OrganizerCommand.RunAsync(args));
            Assert.Equal(0, await Summit.Web.Hosting.OrganizerCommand.RunAsync(args));

            await using var app = new SummitFactory(DatabaseProvider.Sqlite);
            app.Settings["Storage:Path"] = storage.FullName;
            using var client = app.Browser();
            await client.SignInAsync("chair@cci-fs.example", "lantern orbit kettle violet");
            using var admin = await client.GetAsync(new Uri("/admin", UriKind.Relative), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
            Assert.Equal(0, await app.WithDbAsync(db => Task.FromResult(db.Editions.Count())));
        }
        finally
        {
            Environment.SetEnvironmentVariable("SUMMIT_ORGANIZER_PASSWORD", null);
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            storage.Delete(recursive: true);
        }
    }

    /// <summary>RFC 6238 with the authenticator defaults (SHA-1, 30 s, 6 digits), written out so the test does not trust Identity's own code.</summary>
    /// <summary>The code an authenticator app shows now, or <paramref name="steps"/> 30-second steps from now.</summary>
    private static string Totp(string base32Key, int steps = 0)
    {
        var key = Base32(base32Key);
        var counter = (DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30) + steps;
        var message = BitConverter.GetBytes(counter);
        if (BitConverter.IsLittleEndian)
        {
            Array.Reverse(message);
        }

#pragma warning disable CA5350 // Authenticator apps use HMAC-SHA1 (RFC 6238); the test must compute what they compute.
        var hash = HMACSHA1.HashData(key, message);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0F;
        var binary = ((hash[offset] & 0x7F) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[] Base32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = string.Concat(text.TrimEnd('=').Select(c => Convert.ToString(alphabet.IndexOf(c, StringComparison.Ordinal), 2).PadLeft(5, '0')));
        return Enumerable.Range(0, bits.Length / 8).Select(i => Convert.ToByte(bits.Substring(i * 8, 8), 2)).ToArray();
    }

    [GeneratedRegex("<code>([a-z2-7 ]+)</code>")]
    private static partial Regex KeyPattern();
}
