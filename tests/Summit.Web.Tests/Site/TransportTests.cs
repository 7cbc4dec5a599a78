using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Summit.Testing;

namespace Summit.Web.Tests.Site;

/// <summary>
/// Outside Development, a request that reached the app as plain HTTP (a proxy that terminates TLS and does not send
/// X-Forwarded-Proto) still gets Secure cookies, every one of them, and HSTS; except that HSTS is not sent to
/// localhost or an IP address, which browsers would remember for every port.
/// </summary>
public abstract class TransportTests<TApp>(TApp app) where TApp : SummitApp
{
    private SummitFactory App => app.Factory;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private HttpClient PlainHttp(string host) => App.CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        BaseAddress = new Uri($"http://{host}"),
        HandleCookies = false,
    });

    private static string Cookie(HttpResponseMessage response, string name)
    {
        Assert.True(response.Headers.TryGetValues("Set-Cookie", out var cookies), $"No cookie was set; {name} was expected.");
        return Assert.Single(cookies, c => c.StartsWith(name + "=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Over_plain_http_every_cookie_is_secure_and_hsts_is_sent()
    {
        using var client = PlainHttp("summit.example");

        using var form = await client.GetAsync(new Uri("/account/login", UriKind.Relative), Cancel);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Contains("secure", Cookie(form, ".Summit.Antiforgery"), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("max-age=31536000", form.Headers.GetValues("Strict-Transport-Security").Single());

        using var culture = await client.PostWithoutTokenAsync("/culture", new Dictionary<string, string> { ["culture"] = "zh-Hans", ["returnUrl"] = "/" });
        Assert.Contains("secure", Cookie(culture, ".Summit.Culture"), StringComparison.OrdinalIgnoreCase);
        Assert.True(culture.Headers.Contains("Strict-Transport-Security"));

        using var notice = await client.PostWithoutTokenAsync("/cookies", new Dictionary<string, string> { ["returnUrl"] = "/" });
        Assert.Contains("secure", Cookie(notice, ".Summit.CookieNotice"), StringComparison.OrdinalIgnoreCase);

        using var missing = await client.GetAsync(new Uri("/no-such-page", UriKind.Relative), Cancel);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.True(missing.Headers.Contains("Strict-Transport-Security"));
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("127.0.0.1")]
    [InlineData("[::1]")]
    public async Task Hsts_is_not_sent_to_localhost_or_an_ip_address(string host)
    {
        using var client = PlainHttp(host);
        using var response = await client.GetAsync(new Uri("/account/login", UriKind.Relative), Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
        // Cookies are Secure all the same.
        Assert.Contains("secure", Cookie(response, ".Summit.Antiforgery"), StringComparison.OrdinalIgnoreCase);
    }
}

public sealed class TransportTestsOnSqlite(SqliteApp app) : TransportTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class TransportTestsOnPostgres(PostgresApp app) : TransportTests<PostgresApp>(app), IClassFixture<PostgresApp>;
