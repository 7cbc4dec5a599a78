using System.Net;
using Summit.Core.Accounts;
using Summit.Testing;

namespace Summit.Web.Tests.Speakers;

public abstract class SpeakerTests<TApp>(TApp app) where TApp : SummitApp
{
    protected SummitFactory App => app.Factory;

    [Fact]
    public async Task The_directory_lists_the_demo_speakers_in_both_scripts()
    {
        using var client = App.Browser();
        var english = await client.GetStringAsync(new Uri("/2021/speakers", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Contains("Zeng Gang", english, StringComparison.Ordinal);
        Assert.Contains("曾刚", english, StringComparison.Ordinal);
        Assert.Contains("Deputy Director, National Institution for Finance and Development", english, StringComparison.Ordinal);

        var chinese = await client.GetStringAsync(new Uri("/speakers?culture=zh-Hans", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Contains("国家金融与发展实验室副主任", chinese, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("曾刚")]
    [InlineData("zeng gang")]
    [InlineData("GANG ZENG")]
    [InlineData("shanghai institution")]
    [InlineData("上海金融")]
    public async Task Search_finds_a_speaker_by_either_script_either_order_or_organisation(string term)
    {
        using var client = App.Browser();
        var html = await client.GetStringAsync(new Uri($"/speakers?q={Uri.EscapeDataString(term)}", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Contains("/speakers/zeng-gang", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/speakers/li-minghua", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_directory_filters_by_edition_from_its_own_form()
    {
        using var client = App.Browser();
        var all = await client.GetStringAsync(new Uri("/speakers?edition=", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Contains("/speakers/zeng-gang", all, StringComparison.Ordinal);
        var filtered = await client.GetStringAsync(new Uri("/speakers?edition=2021&q=zeng", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Contains("/speakers/zeng-gang", filtered, StringComparison.Ordinal);
        Assert.Contains("<option value=\"2021\" selected=\"selected\">", filtered, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_speaker_or_edition_is_a_404_page()
    {
        using var client = App.Browser();
        using var speaker = await client.GetAsync(new Uri("/speakers/nobody-here", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, speaker.StatusCode);
        using var edition = await client.GetAsync(new Uri("/1999/speakers", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, edition.StatusCode);
    }

    [Fact]
    public async Task An_organizer_creates_and_edits_a_speaker_and_the_profile_is_safe_and_private_where_it_must_be()
    {
        var organizer = await App.CreateUserAsync($"organizer-{Guid.NewGuid():N}@summit.test", Roles.Organizer);
        using var admin = App.Browser();
        await admin.SignInAsync(organizer.Email!);
        var editionId = await App.WithDbAsync(db => Task.FromResult(db.Editions.Single(e => e.Slug == "2021").Id));
        var family = $"Tan{Guid.NewGuid():N}"[..12];
        var fields = new Dictionary<string, string>
        {
            ["Input.FamilyNameZh"] = "陈",
            ["Input.GivenNameZh"] = "立新",
            ["Input.FamilyNameLatin"] = family,
            ["Input.GivenNameLatin"] = "Lixin",
            ["Input.LatinFamilyNameFirst"] = "true",
            ["Input.CountryCode"] = "SG",
            ["Input.ContactEmail"] = "private.address@example.org",
            ["Input.BiographyEn"] = "**Banker.** <script>alert('x')</script><img src=x onerror=alert(1)> [site](javascript:alert(2)) <a href=\"javascript:alert(3)\">raw</a>",
            ["Input.Positions[0].TitleEn"] = "Chief Economist",
            ["Input.Positions[0].OrganisationEn"] = "Straits Bank",
            ["Input.Positions[0].TitleZh"] = "首席经济学家",
            ["Input.Positions[0].OrganisationZh"] = "海峡银行",
            ["Input.Positions[1].TitleEn"] = "Adjunct Professor",
            ["Input.Positions[1].OrganisationEn"] = "Lion University",
            ["Input.Links[0].Kind"] = "LinkedIn",
            ["Input.Links[0].Url"] = "https://www.linkedin.com/in/example",
            ["Input.EditionIds"] = editionId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        using (var created = await admin.PostAsync("/admin/speakers/edit", fields))
        {
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        }

        var slug = $"{family.ToLowerInvariant()}-lixin";
        using var visitor = App.Browser();
        var profile = await visitor.GetStringAsync(new Uri($"/speakers/{slug}", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Contains("陈立新", profile, StringComparison.Ordinal);
        Assert.Contains("<strong>Banker.</strong>", profile, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", profile, StringComparison.Ordinal);
        Assert.DoesNotContain("onerror", profile, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", profile, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("private.address", profile, StringComparison.Ordinal);
        Assert.DoesNotContain("private.address", await visitor.GetStringAsync(new Uri($"/api/v1/speakers/{slug}", UriKind.Relative), TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.DoesNotContain("private.address", await visitor.GetStringAsync(new Uri($"/api/v1/speakers?q={family}", UriKind.Relative), TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Contains("Singapore", profile, StringComparison.Ordinal);
        Assert.True(profile.IndexOf("Chief Economist, Straits Bank", StringComparison.Ordinal) < profile.IndexOf("Adjunct Professor, Lion University", StringComparison.Ordinal));
        Assert.Contains("og:title", profile, StringComparison.Ordinal);
        Assert.Contains($"/speakers/{slug}", await visitor.GetStringAsync(new Uri("/2021/speakers?q=" + family, UriKind.Relative), TestContext.Current.CancellationToken), StringComparison.Ordinal);

        var id = await App.WithDbAsync(db => Task.FromResult(db.Speakers.Single(s => s.Slug == slug).Id));
        fields["Input.Slug"] = slug;
        fields["Input.Positions[0].TitleEn"] = "Group Chief Economist";
        fields.Remove("Input.EditionIds");
        using (var edited = await admin.PostAsync($"/admin/speakers/edit/{id}", fields))
        {
            Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        }

        Assert.Contains("Group Chief Economist, Straits Bank", await admin.GetStringAsync(new Uri($"/speakers/{slug}", UriKind.Relative), TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.DoesNotContain($"/speakers/{slug}", await visitor.GetStringAsync(new Uri("/2021/speakers?q=" + family, UriKind.Relative), TestContext.Current.CancellationToken), StringComparison.Ordinal);

        // In no public edition any more: the public does not see the profile (an unannounced line-up stays private).
        using var hidden = await visitor.GetAsync(new Uri($"/speakers/{slug}", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        using var api = await visitor.GetAsync(new Uri($"/api/v1/speakers/{slug}", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
    }

    [Fact]
    public async Task Bad_speaker_input_is_explained_on_the_form_and_saves_nothing()
    {
        var organizer = await App.CreateUserAsync($"organizer-{Guid.NewGuid():N}@summit.test", Roles.Organizer);
        using var admin = App.Browser();
        await admin.SignInAsync(organizer.Email!);
        var before = await App.WithDbAsync(db => Task.FromResult(db.Speakers.Count()));
        using var refused = await admin.PostAsync("/admin/speakers/edit", new Dictionary<string, string>
        {
            ["Input.Slug"] = "zeng-gang",
            ["Input.FamilyNameLatin"] = "Zeng",
            ["Input.CountryCode"] = "ZZ",
            ["Input.Links[0].Kind"] = "Website",
            ["Input.Links[0].Url"] = "javascript:alert(1)",
        });
        var html = await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Enter a two-letter country or region code", html, StringComparison.Ordinal);
        Assert.Contains("Links must be full web addresses", html, StringComparison.Ordinal);
        Assert.Equal(before, await App.WithDbAsync(db => Task.FromResult(db.Speakers.Count())));

        using var taken = await admin.PostAsync("/admin/speakers/edit", new Dictionary<string, string> { ["Input.Slug"] = "zeng-gang", ["Input.FamilyNameLatin"] = "Zeng" });
        Assert.Contains("Another speaker already uses this address.", await taken.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }
}

public sealed class SpeakerTestsOnSqlite(SqliteDemoApp app) : SpeakerTests<SqliteDemoApp>(app), IClassFixture<SqliteDemoApp>;

public sealed class SpeakerTestsOnPostgres(PostgresDemoApp app) : SpeakerTests<PostgresDemoApp>(app), IClassFixture<PostgresDemoApp>;
