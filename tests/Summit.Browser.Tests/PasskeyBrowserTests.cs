using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Summit.Core.Accounts;
using Summit.Core.Data;

namespace Summit.Browser.Tests;

/// <summary>
/// A passkey, as a person meets it in Chromium with a virtual authenticator (the DevTools WebAuthn domain standing in
/// for a phone's screen lock): added and named on the passkeys page, used to sign in without the password, even on an
/// account with two-factor authentication on, then removed after a confirmation, after which it signs in no more.
/// </summary>
public sealed class PasskeyBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string Password = "harbour-lantern-violet-orbit";

    [Fact]
    public async Task A_passkey_is_added_signs_in_alone_and_is_removed()
    {
        var ct = TestContext.Current.CancellationToken;
        var email = $"passkey-{Guid.NewGuid():N}@summit.test";
        string userId;
        using (var scope = app.Factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<SummitUser>>();
            var user = new SummitUser { UserName = email, Email = email, DisplayName = "Lim Wei Ling", EmailConfirmed = true, CreatedAt = DateTimeOffset.UtcNow };
            Assert.True((await users.CreateAsync(user, Password)).Succeeded);
            // Two-factor on: a passkey is both factors, so it signs in without a code.
            await users.ResetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
            userId = user.Id;
        }

        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        var devtools = await context.NewCDPSessionAsync(page);
        await devtools.SendAsync("WebAuthn.enable");
        var authenticator = await devtools.SendAsync("WebAuthn.addVirtualAuthenticator", new Dictionary<string, object>
        {
            ["options"] = new Dictionary<string, object>
            {
                ["protocol"] = "ctap2",
                ["transport"] = "internal",
                ["hasResidentKey"] = true,
                ["hasUserVerification"] = true,
                ["isUserVerified"] = true,
                ["automaticPresenceSimulation"] = true,
            },
        });
        var authenticatorId = authenticator!.Value.GetProperty("authenticatorId").GetString()!;

        // Signed in once with the password and a code (the account has two-factor on), the person adds a passkey.
        await SignInWithPasswordAndCodeAsync(page, email);
        await page.GotoAsync("/account/manage/passkeys");
        await Assertions.Expect(page.GetByText("You have no passkeys yet.")).ToBeVisibleAsync();
        await page.GetByLabel("Name of the passkey").FillAsync("Work laptop");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a passkey" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Passkey added.")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("input[name=Name][value='Work laptop']")).ToBeVisibleAsync();
        await page.AssertNoSeriousViolationsAsync("passkeys page");
        var credentials = await devtools.SendAsync("WebAuthn.getCredentials", new Dictionary<string, object> { ["authenticatorId"] = authenticatorId });
        Assert.Equal(1, credentials!.Value.GetProperty("credentials").GetArrayLength());

        // Signed out, the person signs in with the passkey alone: no address, no password, no code.
        await page.GotoAsync("/account/logout");
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.GotoAsync("/account/login?returnUrl=%2Faccount%2Fmanage%2Fsessions");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with a passkey" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/manage/sessions$"));
        await Assertions.Expect(page.GetByText("Passkey", new() { Exact = true }).First).ToBeVisibleAsync();
        using (var scope = app.Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SummitDbContext>();
            var methods = await db.AccountSessions.AsNoTracking().Where(s => s.UserId == userId).Select(s => s.Method).ToListAsync(ct);
            Assert.Equal([SignInMethod.Passkey], methods);
        }

        // Removed after a confirmation, it signs in no more.
        await page.GotoAsync("/account/manage/passkeys");
        await page.GetByRole(AriaRole.Button, new() { Name = "Remove" }).ClickAsync();
        await Assertions.Expect(page.GetByText("will no longer sign you in")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, remove it" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Passkey removed.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("You have no passkeys yet.")).ToBeVisibleAsync();

        await page.GotoAsync("/account/logout");
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.GotoAsync("/account/login");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with a passkey" }).ClickAsync();
        await Assertions.Expect(page.GetByText("That passkey did not sign you in.").First).ToBeVisibleAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login"));
    }

    private async Task SignInWithPasswordAndCodeAsync(IPage page, string email)
    {
        await page.GotoAsync("/account/login");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        string key;
        using (var scope = app.Factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<SummitUser>>();
            key = (await users.GetAuthenticatorKeyAsync((await users.FindByEmailAsync(email))!))!;
        }

        var code = new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(key)).ComputeTotp();
        await page.GetByLabel("Authenticator code").FillAsync(code);
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button).First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
    }
}
