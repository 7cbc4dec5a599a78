using Summit.Core.Speakers;

namespace Summit.Core.Tests.Speakers;

public class SaveSpeakerTests
{
    private static SpeakerDetails Valid() => new(
        "zeng-gang", "曾", "刚", "Zeng", "Gang", true, null, null, "CN", "Bio", "简介", "zeng@nifd.example",
        [new PositionDetails("Deputy Director", "副主任", "NIFD", "国家金融与发展实验室")],
        [new LinkDetails(SpeakerLinkKind.Website, "https://nifd.example")]);

    [Fact]
    public void A_complete_profile_passes() => Assert.Empty(SaveSpeaker.Check(Valid()));

    [Fact]
    public void A_name_in_either_script_is_enough()
    {
        Assert.Empty(SaveSpeaker.Check(Valid() with { FamilyNameLatin = null, GivenNameLatin = null }));
        Assert.Empty(SaveSpeaker.Check(Valid() with { FamilyNameZh = null, GivenNameZh = null }));
    }

    [Fact]
    public void No_name_at_all_is_refused() =>
        Assert.Equal(SaveSpeaker.Reasons.NameRequired, Assert.Single(SaveSpeaker.Check(Valid() with { FamilyNameZh = " ", GivenNameZh = null, FamilyNameLatin = "", GivenNameLatin = null })).Message);

    [Theory]
    [InlineData("ZZ")]
    [InlineData("China")]
    [InlineData("1A")]
    public void Unknown_country_codes_are_refused(string code) =>
        Assert.Equal(SaveSpeaker.Reasons.UnknownCountry, Assert.Single(SaveSpeaker.Check(Valid() with { CountryCode = code })).Message);

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("ftp://example.org/file")]
    [InlineData("not a url")]
    public void Only_web_links_are_accepted(string url) =>
        Assert.Equal(SaveSpeaker.Reasons.BadLink, Assert.Single(SaveSpeaker.Check(Valid() with { Links = [new LinkDetails(SpeakerLinkKind.Other, url)] })).Message);

    [Fact]
    public void A_bad_contact_email_is_refused() =>
        Assert.Equal(SaveSpeaker.Reasons.BadEmail, Assert.Single(SaveSpeaker.Check(Valid() with { ContactEmail = "zeng at nifd" })).Message);

    [Fact]
    public void Empty_position_rows_are_ignored_and_more_than_eight_are_refused()
    {
        var blank = new PositionDetails(null, " ", null, null);
        Assert.Empty(SaveSpeaker.Check(Valid() with { Positions = [.. Enumerable.Repeat(blank, 20)] }));
        var one = new PositionDetails("Adviser", null, "Org", null);
        Assert.Equal(SaveSpeaker.Reasons.TooManyPositions, Assert.Single(SaveSpeaker.Check(Valid() with { Positions = [.. Enumerable.Repeat(one, 9)] })).Message);
    }

    [Fact]
    public void An_oversized_biography_is_refused() =>
        Assert.Equal(SaveSpeaker.Reasons.TextTooLong, Assert.Single(SaveSpeaker.Check(Valid() with { BiographyEn = new string('b', SaveSpeaker.BiographyMaxLength + 1) })).Message);

    [Fact]
    public void Demo_speakers_all_pass_the_rules_and_have_distinct_slugs()
    {
        var all = Summit.Core.Demo.DemoSpeakers.InventedSpeakers().Prepend(Summit.Core.Demo.DemoSpeakers.ZengGang).ToList();
        Assert.True(all.Count >= 31);
        Assert.All(all, s => Assert.Empty(SaveSpeaker.Check(s)));
        Assert.Equal(all.Count, all.Select(s => s.Slug).Distinct().Count());
    }
}
