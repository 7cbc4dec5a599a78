using System.Net;
using Summit.Core.Accounts;
using Summit.Jobs.Accounts;
using Summit.Testing;

namespace Summit.Web.Tests.Accounts;

public abstract class AccountTests<TApp>(TApp app) where TApp : SummitApp
{
    protected SummitFactory App => app.Factory;

    private static string NewEmail() => $"delegate-{Guid.NewGuid():N}@summit.test";

    [Fact]
    public async Task Register_then_confirm_by_the_emailed_link_then_sign_in()
    {
        using var client = App.Browser();
        var email = NewEmail();
        using var registered = await client.PostAsync("/account/register", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Lim Wei Ling",
            ["Input.Email"] = email,
            ["Input.Password"] = SummitFactory.Password,
            ["Input.ConfirmPassword"] = SummitFactory.Password,
            ["Input.PreferredCulture"] = "zh-Hans",
        });
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        Assert.StartsWith("/account/register-confirmation", registered.Headers.Location?.OriginalString, StringComparison.Ordinal);

        using (var early = await client.PostAsync("/account/login", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = SummitFactory.Password }))
        {
            Assert.Equal(HttpStatusCode.OK, early.StatusCode);
            Assert.Contains("Please confirm your email address first", await early.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        }

        // The email went through the mail log and the Hangfire mail queue into the outbox folder, in the chosen language.
        var mail = await App.WaitForMailAsync(email, AccountMails.ConfirmEmailKind);
        Assert.Contains("请确认", mail.Subject, StringComparison.Ordinal);
        var link = SummitFactory.FirstLink(mail);
        using (var confirmed = await client.GetAsync(new Uri(link.PathAndQuery, UriKind.Relative), TestContext.Current.CancellationToken))
        {
            Assert.Contains("Email address confirmed", await confirmed.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        }

        await client.SignInAsync(email);
        var account = await client.GetStringAsync(new Uri("/account/manage", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Contains(email, account, StringComparison.Ordinal);
        Assert.Contains("Attendee", account, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registering_an_address_that_has_an_account_reveals_nothing_and_tells_the_owner()
    {
        var existing = await App.CreateUserAsync(NewEmail(), Roles.Attendee);
        using var client = App.Browser();
        using var response = await client.PostAsync("/account/register", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Someone",
            ["Input.Email"] = existing.Email!,
            ["Input.Password"] = "marble heron quietly folds",
            ["Input.ConfirmPassword"] = "marble heron quietly folds",
        });
        Assert.StartsWith("/account/register-confirmation", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
        await App.WaitForMailAsync(existing.Email!, AccountMails.AlreadyRegisteredKind);
    }

    [Theory]
    [InlineData("en", "password1234", "one of the most used passwords")]
    [InlineData("zh-Hans", "password1234", "这是最常用的密码之一")]
    [InlineData("en", "chongqing-summit-2027", "your name, your email address or the summit")]
    [InlineData("en", "", "Passwords can be at most 256 characters long.")]
    [InlineData("zh-Hans", "", "密码最多 256 个字符。")]
    public async Task A_guessable_or_overlong_password_is_refused_on_the_form_saying_why(string culture, string password, string message)
    {
        // Empty stands for 257 characters of a passphrase that would otherwise be accepted.
        password = password.Length == 0 ? string.Concat(Enumerable.Repeat("violet kettle orbit lantern ", 10))[..257] : password;
        using var client = App.Browser();
        var email = NewEmail();
        using var response = await client.PostAsync($"/account/register?culture={culture}&ui-culture={culture}", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Guessable",
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = password,
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(message), await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(0, await App.WithDbAsync(db => Task.FromResult(db.Users.Count(u => u.Email == email))));
    }

    [Fact]
    public async Task A_long_passphrase_in_any_script_is_accepted()
    {
        using var client = App.Browser();
        var email = NewEmail();
        var password = "长江边的火锅店永远排队 " + new string('好', 200);
        using var response = await client.PostAsync("/account/register", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Passphrase",
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = password,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(1, await App.WithDbAsync(db => Task.FromResult(db.Users.Count(u => u.Email == email))));
    }

    [Fact]
    public async Task A_short_password_is_refused_on_the_form()
    {
        using var client = App.Browser();
        var email = NewEmail();
        using var response = await client.PostAsync("/account/register", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Short",
            ["Input.Email"] = email,
            ["Input.Password"] = "short1",
            ["Input.ConfirmPassword"] = "short1",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Passwords must be at least 12 characters long.", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(0, await App.WithDbAsync(db => Task.FromResult(db.Users.Count(u => u.Email == email))));
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        var user = await App.CreateUserAsync(NewEmail(), Roles.Attendee);
        using var client = App.Browser();
        for (var attempt = 1; attempt <= IdentityRules.MaxFailedAccessAttempts; attempt++)
        {
            // The guess that locks the account answers like the others: only the right password learns of the lock.
            using var wrong = await client.PostAsync("/account/login", new Dictionary<string, string> { ["Input.Email"] = user.Email!, ["Input.Password"] = $"wrong password {attempt}" });
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            Assert.Contains("The email address or password is not correct.", await wrong.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        }

        Assert.NotNull(await App.WithDbAsync(db => Task.FromResult(db.Users.Single(u => u.Id == user.Id).LockoutEnd)));

        using var right = await client.PostAsync("/account/login", new Dictionary<string, string> { ["Input.Email"] = user.Email!, ["Input.Password"] = SummitFactory.Password });
        Assert.Equal("/account/lockout", right.Headers.Location?.OriginalString);
        using var page = await client.GetAsync(new Uri("/account/lockout", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Contains("locked for 15 minutes", await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_password_reset_by_email_sets_a_new_password()
    {
        var user = await App.CreateUserAsync(NewEmail(), Roles.Speaker);
        using var client = App.Browser();
        using (var asked = await client.PostAsync("/account/forgot-password", new Dictionary<string, string> { ["Email"] = user.Email! }))
        {
            Assert.Contains("If an account uses this address", await asked.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        }

        var link = SummitFactory.FirstLink(await App.WaitForMailAsync(user.Email!, AccountMails.ResetPasswordKind));
        const string newPassword = "a brand new long password";
        var query = System.Web.HttpUtility.ParseQueryString(link.Query);
        using var reset = await client.PostAsync(link.PathAndQuery, new Dictionary<string, string>
        {
            ["Input.Email"] = user.Email!,
            ["Input.Password"] = newPassword,
            ["Input.ConfirmPassword"] = newPassword,
            ["Input.Code"] = query["code"]!,
        }, "/account/reset-password");
        Assert.Contains("Your password has been changed.", await reset.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        await client.SignInAsync(user.Email!, newPassword);
    }

    [Fact]
    public async Task A_tampered_confirmation_link_explains_itself()
    {
        var user = await App.CreateUserAsync(NewEmail(), Roles.Attendee, confirmed: false);
        using var client = App.Browser();
        var html = await client.GetStringAsync(new Uri($"/account/confirm-email?userId={user.Id}&code=%%%not-base64", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Contains("This link does not work", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Auth_cookies_are_http_only_secure_and_lax_even_when_the_request_is_plain_http()
    {
        var user = await App.CreateUserAsync(NewEmail(), Roles.Attendee);
        // No cookie jar: a jar would keep the Secure antiforgery cookie from a plain-http request, as it should; the
        // proxy in front (or Chromium, for localhost) is what carries it in a real deployment.
        using var client = App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://localhost"), HandleCookies = false });
        using var form = await client.GetAsync(new Uri("/account/login", UriKind.Relative), TestContext.Current.CancellationToken);
        var antiforgery = Assert.Single(form.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".Summit.Antiforgery=", StringComparison.Ordinal)).Split(';')[0];
        using var request = new HttpRequestMessage(HttpMethod.Post, "/account/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.Email"] = user.Email!,
                ["Input.Password"] = SummitFactory.Password,
                ["__RequestVerificationToken"] = Summit.Testing.Forms.Token(await form.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)),
            }),
        };
        request.Headers.Add("Cookie", antiforgery);
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".Summit.Auth=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_wrong_password_on_an_unconfirmed_account_reveals_nothing()
    {
        var user = await App.CreateUserAsync(NewEmail(), Roles.Attendee, confirmed: false);
        using var client = App.Browser();
        using var response = await client.PostAsync("/account/login", new Dictionary<string, string> { ["Input.Email"] = user.Email!, ["Input.Password"] = "not the password at all" });
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("The email address or password is not correct.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("confirm your email", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Links_in_emails_use_the_public_address_whatever_Host_the_request_claims()
    {
        var user = await App.CreateUserAsync(NewEmail(), Roles.Attendee);
        using var client = App.Browser();
        using var page = await client.GetAsync(new Uri("/account/forgot-password", UriKind.Relative), TestContext.Current.CancellationToken);
        var token = Summit.Testing.Forms.Token(await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/account/forgot-password")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = user.Email!, ["__RequestVerificationToken"] = token }),
        };
        request.Headers.Host = "evil.example";
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var link = SummitFactory.FirstLink(await App.WaitForMailAsync(user.Email!, AccountMails.ResetPasswordKind));
        Assert.Equal("localhost", link.Host);
        Assert.Equal("https", link.Scheme);
    }
}

public sealed class AccountTestsOnSqlite(SqliteApp app) : AccountTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class AccountTestsOnPostgres(PostgresApp app) : AccountTests<PostgresApp>(app), IClassFixture<PostgresApp>;
