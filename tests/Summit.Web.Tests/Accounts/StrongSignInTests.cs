using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Summit.Core.Accounts;
using Summit.Core.Data;
using Summit.Testing;

namespace Summit.Web.Tests.Accounts;

/// <summary>
/// With <c>Accounts:RequireStrongSignInForRoles</c> naming Organizer, an organizer signed in with a password alone is
/// sent from administration to a page that explains what to do, keeps their own account pages, and reaches
/// administration once signed in with a second factor; other roles are not held; without the setting no one is.
/// </summary>
public sealed class StrongSignInTests : IAsyncLifetime
{
    private readonly SummitFactory app = new(DatabaseProvider.Sqlite);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        app.Settings["Accounts:RequireStrongSignInForRoles:0"] = Roles.Organizer;
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task An_organizer_signed_in_with_a_password_alone_is_asked_for_a_second_factor_before_administration()
    {
        var organizer = await app.CreateUserAsync($"strong-{Guid.NewGuid():N}@summit.test", Roles.Organizer);
        using var client = app.Browser();
        await client.SignInAsync(organizer.Email!);

        using (var admin = await client.GetAsync(new Uri("/admin/users", UriKind.Relative), Cancel))
        {
            Assert.Equal(HttpStatusCode.Redirect, admin.StatusCode);
            Assert.Equal("/account/strong-sign-in?returnUrl=%2Fadmin%2Fusers", admin.Headers.Location?.OriginalString);
        }

        var explained = await client.GetStringAsync(new Uri("/account/strong-sign-in?returnUrl=%2Fadmin%2Fusers", UriKind.Relative), Cancel);
        Assert.Contains("Your role (Organizer) needs a sign-in with two-factor authentication or a passkey", explained, StringComparison.Ordinal);
        Assert.Contains("href=\"/account/manage/two-factor\"", explained, StringComparison.Ordinal);
        Assert.Contains("href=\"/account/manage/passkeys\"", explained, StringComparison.Ordinal);
        foreach (var own in new[] { "/account/manage", "/account/manage/two-factor", "/account/manage/passkeys", "/account/manage/sessions", "/" })
        {
            using var page = await client.GetAsync(new Uri(own, UriKind.Relative), Cancel);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }

        // Two-factor on, and a sign-in with the code: administration opens.
        string key;
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<SummitUser>>();
            var user = (await users.FindByIdAsync(organizer.Id))!;
            await users.ResetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
            key = (await users.GetAuthenticatorKeyAsync(user))!;
        }

        using var strong = app.Browser();
        using (var login = await strong.PostAsync("/account/login", new Dictionary<string, string> { ["Input.Email"] = organizer.Email!, ["Input.Password"] = SummitFactory.Password }))
        {
            Assert.StartsWith("/account/login-2fa", login.Headers.Location?.OriginalString, StringComparison.Ordinal);
            var code = new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(key)).ComputeTotp();
            using var second = await strong.PostAsync(login.Headers.Location!.OriginalString, new Dictionary<string, string> { ["Code"] = code }, "/account/login-2fa?returnUrl=%2F&rememberMe=false");
            Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        }

        using var opened = await strong.GetAsync(new Uri("/admin/users", UriKind.Relative), Cancel);
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Contains("Your sign-in is strong enough", await strong.GetStringAsync(new Uri("/account/strong-sign-in", UriKind.Relative), Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_password_only_session_cannot_add_a_passkey_or_turn_two_factor_off_once_the_account_has_one()
    {
        var organizer = await app.CreateUserAsync($"strong-{Guid.NewGuid():N}@summit.test", Roles.Organizer);
        using var client = app.Browser();
        await client.SignInAsync(organizer.Email!);
        // With no strong factor yet, the first one may be set up from this session: that is how an organizer starts.
        using (var options = await client.PostAsync("/account/manage/passkeys", new Dictionary<string, string>(), "/account/manage/passkeys?handler=CreationOptions"))
        {
            Assert.Equal(HttpStatusCode.OK, options.StatusCode);
            Assert.Equal("application/json", options.Content.Headers.ContentType?.MediaType);
        }

        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<SummitUser>>();
            var user = (await users.FindByIdAsync(organizer.Id))!;
            await users.ResetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
        }

        // Someone holding only the password (this session) must not swap in factors of their own.
        using (var refused = await client.PostAsync("/account/manage/passkeys", new Dictionary<string, string>(), "/account/manage/passkeys?handler=CreationOptions"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        using (var off = await client.PostAsync("/account/manage/two-factor", new Dictionary<string, string>(), "/account/manage/two-factor?handler=Disable"))
        {
            Assert.Contains("Sign in with your second factor or a passkey first", await off.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        }

        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<SummitUser>>();
            Assert.True(await users.GetTwoFactorEnabledAsync((await users.FindByIdAsync(organizer.Id))!));
        }
    }

    [Fact]
    public async Task A_role_not_named_is_not_held()
    {
        var press = await app.CreateUserAsync($"strong-{Guid.NewGuid():N}@summit.test", Roles.Press);
        using var client = app.Browser();
        await client.SignInAsync(press.Email!);

        using var newsroom = await client.GetAsync(new Uri("/newsroom", UriKind.Relative), Cancel);

        Assert.Equal(HttpStatusCode.OK, newsroom.StatusCode);
    }
}
