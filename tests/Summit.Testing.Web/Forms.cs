using System.Net;
using System.Text.RegularExpressions;

namespace Summit.Testing;

/// <summary>Posts forms as a browser does: first the page (for the antiforgery cookie and token), then the form.</summary>
public static partial class Forms
{
    public static async Task<HttpResponseMessage> PostAsync(this HttpClient client, string pageUrl, IDictionary<string, string> fields, string? actionUrl = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(fields);
        using var page = await client.GetAsync(new Uri(pageUrl, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var token = Token(await page.Content.ReadAsStringAsync());
        var all = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token };
        using var content = new FormUrlEncodedContent(all);
        return await client.PostAsync(new Uri(actionUrl ?? pageUrl, UriKind.Relative), content);
    }

    /// <summary>Posts a form that carries no antiforgery token (the language switch, the cookie notice), as a browser would.</summary>
    public static async Task<HttpResponseMessage> PostWithoutTokenAsync(this HttpClient client, string actionUrl, IDictionary<string, string> fields)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(new Uri(actionUrl, UriKind.Relative), content);
    }

    public static string Token(string html)
    {
        var match = TokenPattern().Match(html ?? "");
        Assert.True(match.Success, "The page has no antiforgery token.");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    public static async Task SignInAsync(this HttpClient client, string email, string password = SummitFactory.Password)
    {
        using var response = await client.PostAsync("/account/login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
