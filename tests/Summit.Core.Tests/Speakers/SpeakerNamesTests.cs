using Summit.Core.Speakers;
using Summit.Core.Text;

namespace Summit.Core.Tests.Speakers;

public class SpeakerNamesTests
{
    [Fact]
    public void Chinese_names_are_family_name_first_without_a_space() =>
        Assert.Equal("曾刚", SpeakerNames.Chinese("曾", "刚"));

    [Theory]
    [InlineData("Zeng", "Gang", true, "Zeng Gang")]
    [InlineData("Heng", "Swee Keat", true, "Heng Swee Keat")]
    [InlineData("Menon", "Ravi", false, "Ravi Menon")]
    [InlineData("Menon", null, false, "Menon")]
    public void Latin_names_follow_the_persons_own_order(string family, string? given, bool familyFirst, string expected) =>
        Assert.Equal(expected, SpeakerNames.Latin(family, given, familyFirst));

    [Fact]
    public void The_visitors_script_leads_and_the_other_follows()
    {
        Assert.Equal("曾刚", SpeakerNames.Display("曾刚", "Zeng Gang", chinese: true));
        Assert.Equal("Zeng Gang", SpeakerNames.Secondary("曾刚", "Zeng Gang", chinese: true));
        Assert.Equal("Zeng Gang", SpeakerNames.Display("曾刚", "Zeng Gang", chinese: false));
        Assert.Equal("曾刚", SpeakerNames.Secondary("曾刚", "Zeng Gang", chinese: false));
    }

    [Fact]
    public void A_name_in_one_script_only_is_shown_in_both_languages_without_a_secondary()
    {
        Assert.Equal("Ravi Menon", SpeakerNames.Display(null, "Ravi Menon", chinese: true));
        Assert.Null(SpeakerNames.Secondary(null, "Ravi Menon", chinese: true));
    }

    [Fact]
    public void Positions_read_title_then_organisation_in_English_and_organisation_then_title_in_Chinese()
    {
        Assert.Equal("Deputy Director, National Institution for Finance and Development",
            SpeakerNames.Position("Deputy Director", "副主任", "National Institution for Finance and Development", "国家金融与发展实验室", chinese: false));
        Assert.Equal("国家金融与发展实验室副主任",
            SpeakerNames.Position("Deputy Director", "副主任", "National Institution for Finance and Development", "国家金融与发展实验室", chinese: true));
    }

    [Fact]
    public void A_position_without_Chinese_falls_back_to_English_in_the_Chinese_page() =>
        Assert.Equal("Senior Fellow, ASEAN Centre", SpeakerNames.Position("Senior Fellow", null, "ASEAN Centre", null, chinese: true));

    [Theory]
    [InlineData("Zeng Gang", "zeng-gang")]
    [InlineData("Nguyễn Thị Lan", "nguyen-thi-lan")]
    [InlineData("O'Brien  Mary", "o-brien-mary")]
    [InlineData("曾刚", "")]
    public void Slugs_are_made_from_the_latin_name(string name, string slug) =>
        Assert.Equal(slug, SaveSpeaker.SlugFrom(name));

    [Fact]
    public void Region_names_come_in_the_visitors_language()
    {
        Assert.Equal("中国", Regions.Name("CN", chinese: true));
        Assert.Equal("China", Regions.Name("cn", chinese: false));
        Assert.Equal("新加坡", Regions.Name("SG", chinese: true));
        Assert.Null(Regions.Name("XX", chinese: false));
    }

    [Fact]
    public void Markdown_keeps_formatting_and_loses_scripts_handlers_and_javascript_links()
    {
        var html = RichText.ToSafeHtml("**Green** finance <script>alert(1)</script> <img src=x onerror=alert(2)> [click](javascript:alert(3)) [ok](https://example.org)");
        Assert.Contains("<strong>Green</strong>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onerror", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("href=\"https://example.org\"", html, StringComparison.Ordinal);
        Assert.Contains("rel=\"nofollow noopener\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("zh-Hans", null, "Ravi Menon", "SG", "zh-Hans")]
    [InlineData("en", "曾刚", "Zeng Gang", "CN", "en")]
    [InlineData(null, "曾刚", "Zeng Gang", "CN", "zh-Hans")]
    [InlineData(null, "曾刚", null, null, "zh-Hans")]
    [InlineData(null, "林文", "Lim Boon Heng", "SG", "en")]
    [InlineData(null, null, "Ravi Menon", "SG", "en")]
    [InlineData("", "曾刚", "Zeng Gang", "HK", "zh-Hans")]
    public void A_speaker_is_written_to_in_their_accounts_language_or_else_the_one_their_name_and_country_suggest(string? account, string? nameZh, string? nameLatin, string? country, string expected) =>
        Assert.Equal(expected, SpeakerNames.Culture(account, nameZh, nameLatin, country));

    [Theory]
    [InlineData("TW", "Taiwan, China", "中国台湾")]
    [InlineData("HK", "Hong Kong SAR, China", "中国香港")]
    [InlineData("MO", "Macao SAR, China", "中国澳门")]
    [InlineData("FR", "France", "法国")]
    [InlineData("BR", "Brazil", "巴西")]
    [InlineData("ZA", "South Africa", "南非")]
    public void One_reviewed_list_names_each_region_alike_in_both_languages(string code, string english, string chinese)
    {
        Assert.Equal(english, Regions.Name(code, chinese: false));
        Assert.Equal(chinese, Regions.Name(code, chinese: true));
    }
}
