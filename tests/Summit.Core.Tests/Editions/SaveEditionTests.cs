using Summit.Core.Editions;

namespace Summit.Core.Tests.Editions;

public class SaveEditionTests
{
    private static EditionDetails Valid() => new(
        "2026", "CCI-FS 2026", "2026中新金融峰会", null, null,
        new DateOnly(2026, 11, 5), new DateOnly(2026, 11, 6),
        "Yuelai", "悦来", "Chongqing", "重庆", "Asia/Shanghai", EditionStatus.Draft);

    [Fact]
    public void A_complete_edition_passes() => Assert.Empty(SaveEdition.Check(Valid()));

    [Theory]
    [InlineData("")]
    [InlineData("-2021")]
    [InlineData("cci fs")]
    [InlineData("2021/x")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456789")]
    public void A_slug_that_is_not_a_url_segment_is_refused(string slug)
    {
        var refusal = Assert.Single(SaveEdition.Check(Valid() with { Slug = slug }));
        Assert.Equal((nameof(EditionDetails.Slug), SaveEdition.Reasons.SlugShape), (refusal.Field, refusal.Message));
    }

    [Theory]
    [InlineData("admin")]
    [InlineData("account")]
    [InlineData("health")]
    public void A_slug_that_would_shadow_a_site_path_is_refused(string slug) =>
        Assert.Equal(SaveEdition.Reasons.SlugReserved, Assert.Single(SaveEdition.Check(Valid() with { Slug = slug })).Message);

    [Fact]
    public void Upper_case_slugs_are_accepted_and_lowered() =>
        Assert.Empty(SaveEdition.Check(Valid() with { Slug = "CCI-2026" }));

    [Fact]
    public void End_before_start_is_refused() =>
        Assert.Equal(SaveEdition.Reasons.EndBeforeStart, Assert.Single(SaveEdition.Check(Valid() with { EndDate = new DateOnly(2026, 11, 4) })).Message);

    [Fact]
    public void A_one_day_edition_is_fine() =>
        Assert.Empty(SaveEdition.Check(Valid() with { EndDate = new DateOnly(2026, 11, 5) }));

    [Fact]
    public void More_than_31_days_is_refused() =>
        Assert.Equal(SaveEdition.Reasons.TooLong, Assert.Single(SaveEdition.Check(Valid() with { EndDate = new DateOnly(2026, 12, 6) })).Message);

    [Theory]
    [InlineData("Asia/Singapore", true)]
    [InlineData("Asia/Shanghai", true)]
    [InlineData("Mars/Olympus", false)]
    [InlineData("China Standard Time", false)]
    [InlineData("", false)]
    public void Only_IANA_time_zones_are_accepted(string zone, bool accepted) =>
        Assert.Equal(accepted, SaveEdition.Check(Valid() with { TimeZoneId = zone }).Count == 0);

    [Fact]
    public void Both_names_are_required()
    {
        var refusals = SaveEdition.Check(Valid() with { NameEn = " ", NameZh = "" });
        Assert.Equal([nameof(EditionDetails.NameEn), nameof(EditionDetails.NameZh)], refusals.Select(r => r.Field));
    }

    [Fact]
    public void Venue_and_city_are_required_in_both_languages()
    {
        var refusals = SaveEdition.Check(Valid() with { VenueZh = "", CityEn = " " });
        Assert.Equal(
            [(nameof(EditionDetails.VenueZh), SaveEdition.Reasons.VenueRequired), (nameof(EditionDetails.CityEn), SaveEdition.Reasons.CityRequired)],
            refusals.Select(r => (r.Field, r.Message)));
    }

    [Fact]
    public void Text_longer_than_its_column_is_refused_by_the_rule_not_by_the_database()
    {
        var refusals = SaveEdition.Check(Valid() with { NameZh = new string('会', SaveEdition.NameMaxLength + 1), TaglineEn = new string('t', SaveEdition.TaglineMaxLength + 1) });
        Assert.Equal(
            [(nameof(EditionDetails.NameZh), SaveEdition.Reasons.TextTooLong), (nameof(EditionDetails.TaglineEn), SaveEdition.Reasons.TextTooLong)],
            refusals.Select(r => (r.Field, r.Message)));
    }
}
