using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Summit.Testing;

namespace Summit.Web.Tests.Speakers;

public sealed class SpeakersApiTests(SqliteDemoApp app) : IClassFixture<SqliteDemoApp>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task The_list_returns_public_fields_and_pages()
    {
        using var client = app.Factory.Browser();
        using var response = await client.GetAsync(new Uri("/api/v1/speakers?edition=2021&pageSize=5", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        using var doc = JsonDocument.Parse(body);
        Assert.Equal(5, doc.RootElement.GetProperty("items").GetArrayLength());
        Assert.True(doc.RootElement.GetProperty("hasMore").GetBoolean());
        Assert.DoesNotContain("contactEmail", body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task One_speaker_has_both_scripts_positions_and_editions()
    {
        using var client = app.Factory.Browser();
        var speaker = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/speakers/zeng-gang", UriKind.Relative), Json, TestContext.Current.CancellationToken);
        Assert.Equal("曾刚", speaker.GetProperty("nameZh").GetString());
        Assert.Equal("Zeng Gang", speaker.GetProperty("nameLatin").GetString());
        Assert.Equal("National Institution for Finance and Development", speaker.GetProperty("positions")[0].GetProperty("organisationEn").GetString());
        Assert.Equal("2021", speaker.GetProperty("editions")[0].GetString());
        Assert.Equal("https://localhost/speakers/zeng-gang", speaker.GetProperty("url").GetString());
        var photo = speaker.GetProperty("photo");
        Assert.Equal("Generated illustration (demo)", photo.GetProperty("credit").GetString());
        Assert.StartsWith("https://localhost/media/speakers/", photo.GetProperty("square").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/speakers?pageSize=0", 400)]
    [InlineData("/api/v1/speakers?page=-1", 400)]
    [InlineData("/api/v1/speakers?pageSize=abc", 400)]
    [InlineData("/api/v1/speakers?edition=1999", 404)]
    [InlineData("/api/v1/speakers/nobody", 404)]
    public async Task Bad_requests_get_problem_details(string url, int status)
    {
        using var client = app.Factory.Browser();
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_speakers_API()
    {
        using var client = app.Factory.Browser();
        var document = await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Contains("/api/v1/speakers/{slug}", document, StringComparison.Ordinal);
        Assert.Contains("\"openapi\"", document, StringComparison.Ordinal);
    }
}
