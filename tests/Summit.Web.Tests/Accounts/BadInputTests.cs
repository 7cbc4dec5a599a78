using System.Net;
using Summit.Testing;

namespace Summit.Web.Tests.Accounts;

public static class BadInputForms
{
    public static TheoryData<string, string[]> All() => new()
    {
        { "/account/register", ["Input.DisplayName", "Input.Email", "Input.Password", "Input.ConfirmPassword", "Input.PreferredCulture"] },
        { "/account/login", ["Input.Email", "Input.Password", "Input.RememberMe"] },
        { "/account/forgot-password", ["Email"] },
        { "/account/resend-email-confirmation", ["Email"] },
        { "/account/reset-password", ["Input.Email", "Input.Password", "Input.ConfirmPassword", "Input.Code"] },
        { "/contact", ["Input.Name", "Input.Email", "Input.Subject", "Input.Message"] },
    };
}

/// <summary>Every public form answers malformed or oversized input with a message on the page, never a 500, and changes nothing.</summary>
public abstract class BadInputTests<TApp>(TApp app) where TApp : SummitApp
{
    private static readonly string Huge = new('x', 20_000);


    [Theory]
    [MemberData(nameof(BadInputForms.All), MemberType = typeof(BadInputForms))]
    public async Task Oversized_values_get_a_message_on_the_form(string page, string[] fields)
    {
        var users = await app.Factory.WithDbAsync(db => Task.FromResult(db.Users.Count()));
        using var client = app.Factory.Browser();
        using var response = await client.PostAsync(page, fields.ToDictionary(f => f, _ => Huge));
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("field-validation-error\"", html, StringComparison.Ordinal);
        Assert.Matches("Keep this under|not valid|Enter a valid|Passwords must", html);
        Assert.Equal(users, await app.Factory.WithDbAsync(db => Task.FromResult(db.Users.Count())));
    }

    [Theory]
    [MemberData(nameof(BadInputForms.All), MemberType = typeof(BadInputForms))]
    public async Task Empty_forms_get_a_message_on_the_form(string page, string[] fields)
    {
        using var client = app.Factory.Browser();
        using var response = await client.PostAsync(page, fields.ToDictionary(f => f, _ => ""));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("field-validation-error\"", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_non_boolean_checkbox_value_is_a_message_not_a_crash()
    {
        using var client = app.Factory.Browser();
        using var response = await client.PostAsync("/account/login", new Dictionary<string, string> { ["Input.Email"] = "a@b.example", ["Input.Password"] = "whatever password", ["Input.RememberMe"] = "maybe" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("is not valid", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/account/confirm-email?userId=nobody&code=abc")]
    [InlineData("/account/reset-password?code=%E0%A4%A&email=x")]
    [InlineData("/admin/editions/edit/not-a-number")]
    [InlineData("/status/999999")]
    [InlineData("/account/login?returnUrl=https://evil.example/")]
    public async Task Odd_addresses_answer_with_a_page_not_a_500(string url)
    {
        using var client = app.Factory.Browser();
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.True((int)response.StatusCode < 500, $"{url} answered {(int)response.StatusCode}");
    }

    [Theory]
    [InlineData("/contact")]
    [InlineData("/account/register")]
    [InlineData("/account/login")]
    [InlineData("/account/forgot-password")]
    public async Task A_NUL_character_in_a_form_is_a_400_page_and_stores_nothing(string page)
    {
        var messages = await app.Factory.WithDbAsync(db => Task.FromResult(db.ContactMessages.Count()));
        using var client = app.Factory.Browser();
        using var response = await client.PostAsync(page, new Dictionary<string, string>
        {
            ["Input.Name"] = "Nul\0Name",
            ["Input.DisplayName"] = "Nul\0Name",
            ["Input.Email"] = "nul\0@example.org",
            ["Email"] = "nul\0@example.org",
            ["Input.Subject"] = "s",
            ["Input.Message"] = "m",
            ["Input.Password"] = SummitFactory.Password,
            ["Input.ConfirmPassword"] = SummitFactory.Password,
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("The request could not be read", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(messages, await app.Factory.WithDbAsync(db => Task.FromResult(db.ContactMessages.Count())));
    }

    [Fact]
    public async Task A_NUL_character_in_the_address_is_a_400_page()
    {
        using var client = app.Factory.Browser();
        using var response = await client.GetAsync(new Uri("/account/confirm-email?userId=%00&code=abc", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task The_sign_in_page_never_carries_a_foreign_return_address()
    {
        using var client = app.Factory.Browser();
        var html = await client.GetStringAsync(new Uri("/account/login?returnUrl=https%3A%2F%2Fevil.example%2F", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Contains("name=\"returnUrl\" value=\"/\"", html, StringComparison.Ordinal);
    }
}

public sealed class BadInputTestsOnSqlite(SqliteApp app) : BadInputTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class BadInputTestsOnPostgres(PostgresApp app) : BadInputTests<PostgresApp>(app), IClassFixture<PostgresApp>;
