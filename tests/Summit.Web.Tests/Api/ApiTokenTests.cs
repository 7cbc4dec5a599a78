using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Summit.Core.Accounts;
using Summit.Testing;

namespace Summit.Web.Tests.Api;

/// <summary>
/// API tokens as an organizer and an integration meet them: made on /admin/api-tokens (the secret shown once),
/// accepted as a bearer token, refused as problem details without one or once revoked (after the confirmation).
/// </summary>
public abstract class ApiTokenTests<TApp>(TApp app) where TApp : SummitApp
{
    protected SummitFactory App => app.Factory;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static async Task<HttpResponseMessage> CallAsync(HttpClient client, string? secret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/token");
        if (secret is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        }

        return await client.SendAsync(request, Cancel);
    }

    [Fact]
    public async Task A_token_made_on_the_page_works_as_a_bearer_token_until_it_is_revoked_after_the_confirmation()
    {
        var organizer = await App.CreateUserAsync($"tokens-{Guid.NewGuid():N}@summit.test", Roles.Organizer);
        using var browser = App.Browser();
        await browser.SignInAsync(organizer.Email!);
        var name = $"Venue gates {Guid.NewGuid():N}"[..24];
        string secret;
        using (var made = await browser.PostAsync("/admin/api-tokens", new Dictionary<string, string>
        {
            ["Input.Name"] = name,
            ["Input.Access[checkin]"] = "ReadWrite",
            ["Input.Access[registrations]"] = "Read",
            ["Input.AllEditions"] = "true",
        }, "/admin/api-tokens?handler=create"))
        {
            Assert.Equal(HttpStatusCode.OK, made.StatusCode);
            Assert.Contains("no-store", made.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
            var html = await made.Content.ReadAsStringAsync(Cancel);
            secret = System.Text.RegularExpressions.Regex.Match(html, "id=\"issued-secret\"[^>]*value=\"(summit_[^\"]+)\"").Groups[1].Value;
            Assert.StartsWith("summit_", secret, StringComparison.Ordinal);
        }

        // The list shows the token but never its secret again.
        var list = await browser.GetStringAsync(new Uri("/admin/api-tokens", UriKind.Relative), Cancel);
        Assert.Contains(name, list, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, list, StringComparison.Ordinal);
        Assert.Contains(secret[..12], list, StringComparison.Ordinal);

        using var integration = App.CreateClient();
        using (var ok = await CallAsync(integration, secret))
        {
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
            using var json = JsonDocument.Parse(await ok.Content.ReadAsStringAsync(Cancel));
            Assert.Equal(name, json.RootElement.GetProperty("name").GetString());
            Assert.Equal("write", json.RootElement.GetProperty("scopes").GetProperty("checkin").GetString());
            Assert.Equal("read", json.RootElement.GetProperty("scopes").GetProperty("registrations").GetString());
            Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("editions").ValueKind);
        }

        var id = await App.WithDbAsync(db => db.ApiTokens.Where(t => t.Name == name).Select(t => t.Id).SingleAsync(Cancel));
        Assert.NotNull(await App.WithDbAsync(db => db.ApiTokens.Where(t => t.Id == id).Select(t => t.LastUsedAt).SingleAsync(Cancel)));

        using (var asked = await browser.PostAsync("/admin/api-tokens", new Dictionary<string, string>(), $"/admin/api-tokens?handler=revoke&id={id}"))
        {
            Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
            Assert.Contains("stops working at once", WebUtility.HtmlDecode(await asked.Content.ReadAsStringAsync(Cancel)), StringComparison.Ordinal);
        }

        using (var still = await CallAsync(integration, secret))
        {
            Assert.Equal(HttpStatusCode.OK, still.StatusCode);
        }

        using (var revoked = await browser.PostAsync("/admin/api-tokens", new Dictionary<string, string> { ["confirmed"] = "yes" }, $"/admin/api-tokens?handler=revoke&id={id}"))
        {
            Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        }

        using var refused = await CallAsync(integration, secret);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("revoked", await refused.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        var trail = await App.WithDbAsync(db => db.AuditEntries.Where(e => e.ObjectType == "ApiToken" && e.ObjectId == id.ToString(System.Globalization.CultureInfo.InvariantCulture)).Select(e => e.Action).ToListAsync(Cancel));
        Assert.Equal(["changed", "created"], trail.Order()); // made, then revoked
    }

    [Fact]
    public async Task Without_a_token_or_with_a_made_up_one_the_API_answers_401_problem_details_with_a_bearer_challenge()
    {
        using var client = App.CreateClient();
        foreach (var secret in new string?[] { null, "summit_not-a-real-token", "something else" })
        {
            using var answer = await CallAsync(client, secret);
            Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode);
            Assert.Equal("Bearer", answer.Headers.WwwAuthenticate.Single().Scheme);
            Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
            using var json = JsonDocument.Parse(await answer.Content.ReadAsStringAsync(Cancel));
            Assert.Equal(401, json.RootElement.GetProperty("status").GetInt32());
        }
    }

    [Fact]
    public async Task A_token_form_without_a_name_or_any_access_shows_why_on_the_form_and_makes_nothing()
    {
        var organizer = await App.CreateUserAsync($"tokens-{Guid.NewGuid():N}@summit.test", Roles.Organizer);
        using var browser = App.Browser();
        await browser.SignInAsync(organizer.Email!);
        var before = await App.WithDbAsync(db => db.ApiTokens.CountAsync(Cancel));

        using var answer = await browser.PostAsync("/admin/api-tokens", new Dictionary<string, string> { ["Input.Name"] = "", ["Input.AllEditions"] = "true" }, "/admin/api-tokens?handler=create");

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var html = WebUtility.HtmlDecode(await answer.Content.ReadAsStringAsync(Cancel));
        Assert.Contains(Core.Api.ApiTokens.Reasons.NameRequired, html, StringComparison.Ordinal);
        Assert.Contains(Core.Api.ApiTokens.Reasons.NoScope, html, StringComparison.Ordinal);
        Assert.DoesNotContain("issued-secret", html, StringComparison.Ordinal);
        Assert.Equal(before, await App.WithDbAsync(db => db.ApiTokens.CountAsync(Cancel)));
    }
}

public sealed class ApiTokenTestsOnSqlite(SqliteApp app) : ApiTokenTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class ApiTokenTestsOnPostgres(PostgresApp app) : ApiTokenTests<PostgresApp>(app), IClassFixture<PostgresApp>;

/// <summary>An app whose API allows 3 requests a minute per token, to see the limit answer.</summary>
public sealed class TightApiLimitApp : SqliteApp
{
    protected override void Configure(SummitFactory app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Settings["RateLimits:ApiPerMinute"] = "3";
    }
}

public sealed class ApiRateLimitTests(TightApiLimitApp app) : IClassFixture<TightApiLimitApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private Task<string> TokenAsync(string name) => app.Factory.ScopedAsync(async s =>
        (await s.GetRequiredService<Core.Api.ApiTokens>().IssueAsync(new Core.Api.ApiTokenRequest(name, new Dictionary<string, Core.Api.ApiAccess> { [Core.Api.ApiScopes.CheckIn] = Core.Api.ApiAccess.Read }, null, null), null, Cancel)).Secret!);

    private static async Task<HttpResponseMessage> CallAsync(HttpClient client, string secret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/token");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return await client.SendAsync(request, Cancel);
    }

    [Fact]
    public async Task A_token_over_its_limit_gets_429_problem_details_with_Retry_After_while_another_token_keeps_its_own_budget()
    {
        var busy = await TokenAsync("Busy gates");
        var quiet = await TokenAsync("Quiet CRM");
        using var client = app.Factory.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            using var ok = await CallAsync(client, busy);
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        using var limited = await CallAsync(client, busy);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.RetryAfter?.Delta is { TotalSeconds: >= 1 and <= 60 }, $"Retry-After: {limited.Headers.RetryAfter}");
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);

        using var other = await CallAsync(client, quiet);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }
}
