using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Summit.Core.Api;
using Summit.Core.Press;
using Summit.Testing;

namespace Summit.Web.Tests.Api;

/// <summary>Published articles through the API (the demo's press report): within the token's editions, drafts never, a page at a time.</summary>
public sealed class PressApiTests(SqliteDemoApp app) : IClassFixture<SqliteDemoApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<JsonDocument> GetAsync(string path, string secret, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var client = app.Factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        using var answer = await client.SendAsync(request, Cancel);
        Assert.Equal(expected, answer.StatusCode);
        return JsonDocument.Parse(await answer.Content.ReadAsStringAsync(Cancel));
    }

    private Task<string> TokenAsync(IReadOnlyList<int>? editions) => app.Factory.ScopedAsync(async s =>
        (await s.GetRequiredService<ApiTokens>().IssueAsync(new ApiTokenRequest($"Press {Guid.NewGuid():N}"[..20], new Dictionary<string, ApiAccess> { [ApiScopes.Press] = ApiAccess.Read }, editions, null), null, Cancel)).Secret!);

    [Fact]
    public async Task Published_articles_are_listed_within_the_tokens_editions_and_drafts_are_not_found()
    {
        var published = await app.Factory.WithDbAsync(db => db.Articles.AsNoTracking().Where(a => a.Status == ArticleStatus.Published).Select(a => new { a.Id, a.Slug, a.EditionId }).ToListAsync(Cancel));
        Assert.NotEmpty(published);
        var secret = await TokenAsync(null);

        var ids = new List<int>();
        string? next = "/api/v1/articles?limit=1";
        while (next is not null)
        {
            using var page = await GetAsync(next, secret);
            ids.AddRange(page.RootElement.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("id").GetInt32()));
            next = page.RootElement.GetProperty("next").GetString();
        }

        Assert.Equal(published.Select(p => p.Id).Order(), ids);
        var first = published[0];
        using (var one = await GetAsync($"/api/v1/articles/{first.Id}", secret))
        {
            Assert.EndsWith($"/news/{first.Slug}", one.RootElement.GetProperty("url").GetString(), StringComparison.Ordinal);
        }

        var draft = await app.Factory.WithDbAsync(db => db.Articles.Where(a => a.Status != ArticleStatus.Published).Select(a => (int?)a.Id).FirstOrDefaultAsync(Cancel));
        if (draft is int d)
        {
            (await GetAsync($"/api/v1/articles/{d}", secret, HttpStatusCode.NotFound)).Dispose();
        }

        var elsewhere = await TokenAsync([await app.Factory.BuildAsync(async d => (await d.EditionAsync()).Id)]);
        using var none = await GetAsync("/api/v1/articles", elsewhere);
        Assert.Empty(none.RootElement.GetProperty("items").EnumerateArray());
        (await GetAsync($"/api/v1/articles/{first.Id}", elsewhere, HttpStatusCode.NotFound)).Dispose();
    }
}
