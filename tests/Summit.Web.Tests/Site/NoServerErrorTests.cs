using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Summit.Core.Accounts;
using Summit.Testing;

namespace Summit.Web.Tests.Site;

/// <summary>
/// No request reaches a 500: every page of the <see cref="PageWalk"/>, as every role and anonymously, gets the
/// requests a browser never sends but a scanner or a broken client does: a POST that carries only a valid antiforgery
/// token, a POST and a GET naming a handler the page does not have, JSON and multipart bodies, a PUT, and TRACE.
/// </summary>
public abstract class NoServerErrorTests<TApp>(TApp app) where TApp : SummitApp
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(PageWalk.Anonymous)]
    [InlineData(Roles.Organizer)]
    [InlineData(Roles.Speaker)]
    [InlineData(Roles.Press)]
    [InlineData(Roles.Editor)]
    [InlineData(Roles.CheckIn)]
    [InlineData(Roles.Attendee)]
    [InlineData(PageWalk.NoRole)]
    public async Task No_page_answers_a_server_error_to_requests_it_does_not_expect(string visitor)
    {
        // Signing out ends the walk's session, so its page comes last.
        var pages = (await PageWalk.PagesAsync(app.Factory)).OrderBy(p => p.Path == "/account/logout").ToList();
        using var client = await PageWalk.ClientAsync(app.Factory, visitor);
        using var contact = await client.GetAsync(new Uri("/contact", UriKind.Relative), Cancel);
        var token = Forms.Token(await contact.Content.ReadAsStringAsync(Cancel));
        var failures = new List<string>();
        foreach (var page in pages)
        {
            foreach (var (probe, request) in Probes(page.Path, token))
            {
                using (request)
                using (var response = await client.SendAsync(request, Cancel))
                {
                    if ((int)response.StatusCode >= 500)
                    {
                        failures.Add($"{probe} {page.Path} → {(int)response.StatusCode}");
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, $"As {visitor}: " + string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task A_post_to_a_page_that_only_shows_something_is_told_which_methods_it_takes()
    {
        using var client = app.Factory.Browser();
        using var contact = await client.GetAsync(new Uri("/contact", UriKind.Relative), Cancel);
        var token = Forms.Token(await contact.Content.ReadAsStringAsync(Cancel));
        using var body = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        using var response = await client.PostAsync(new Uri("/speakers", UriKind.Relative), body, Cancel);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["GET", "HEAD"], response.Content.Headers.Allow);
        Assert.Contains("does not accept that kind of request", await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_handler_the_page_does_not_have_is_a_bad_request_explained_on_a_page()
    {
        using var client = await PageWalk.ClientAsync(app.Factory, Roles.Organizer);
        using var editor = await client.GetAsync(new Uri("/admin/programme/2021", UriKind.Relative), Cancel);
        var token = Forms.Token(await editor.Content.ReadAsStringAsync(Cancel));
        using var body = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        using var response = await client.PostAsync(new Uri("/admin/programme/2021?handler=nope", UriKind.Relative), body, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("The request could not be read", await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/speakers")]
    [InlineData("/2021/schedule")]
    [InlineData("/news/feed.atom")]
    [InlineData("/api/v1/speakers")]
    [InlineData("/admin/jobs")]
    [InlineData("/css/site.css")]
    public async Task Trace_is_refused_everywhere(string path)
    {
        using var client = app.Factory.Browser();
        using var request = new HttpRequestMessage(HttpMethod.Trace, new Uri(path, UriKind.Relative));
        using var response = await client.SendAsync(request, Cancel);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync(Cancel));
    }

    private static IEnumerable<(string Probe, HttpRequestMessage Request)> Probes(string path, string token)
    {
        var uri = new Uri(path, UriKind.Relative);
        var withHandler = new Uri(path + "?handler=nope", UriKind.Relative);
        FormUrlEncodedContent TokenOnly() => new(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        HttpRequestMessage Post(Uri to, HttpContent content)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, to) { Content = content };
            request.Headers.Add("RequestVerificationToken", token);
            return request;
        }

        yield return ("POST token only", Post(uri, TokenOnly()));
        yield return ("POST unknown handler", Post(withHandler, TokenOnly()));
        yield return ("GET unknown handler", new HttpRequestMessage(HttpMethod.Get, withHandler));
        yield return ("POST JSON", Post(uri, new StringContent("{\"Input\":{\"Name\":1}}", Encoding.UTF8, "application/json")));
        var multipart = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        var file = new ByteArrayContent("not an image"u8.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        multipart.Add(file, "Upload", "x.jpg");
        yield return ("POST multipart", Post(uri, multipart));
        yield return ("PUT", new HttpRequestMessage(HttpMethod.Put, uri) { Content = TokenOnly() });
        yield return ("TRACE", new HttpRequestMessage(HttpMethod.Trace, uri));
    }
}

public sealed class NoServerErrorTestsOnSqlite(SqliteDemoApp app) : NoServerErrorTests<SqliteDemoApp>(app), IClassFixture<SqliteDemoApp>;

public sealed class NoServerErrorTestsOnPostgres(PostgresDemoApp app) : NoServerErrorTests<PostgresDemoApp>(app), IClassFixture<PostgresDemoApp>;
