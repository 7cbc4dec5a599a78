using Summit.Core.Press;

namespace Summit.Core.Tests.Press;

public sealed class ArticleBylinesTests
{
    [Theory]
    [InlineData("Zhang Yue, as an intern | 张悦，实习生", "Zhang Yue", "as an intern", "张悦", "实习生")]
    [InlineData("Zhang Yue, as an intern", "Zhang Yue", "as an intern", null, null)]
    [InlineData("Zhang Yue | 张悦", "Zhang Yue", null, "张悦", null)]
    [InlineData("Li Hua, photos | 李华, 摄影", "Li Hua", "photos", "李华", "摄影")]
    public void A_contributor_line_carries_the_latin_and_the_chinese_credit_and_reads_back_the_same(string line, string name, string? role, string? nameZh, string? roleZh)
    {
        var parsed = ArticleBylines.ParseContributor(line);

        Assert.Equal(new ContributorDetails(name, role, nameZh, roleZh), parsed);
        Assert.Equal(parsed, ArticleBylines.ParseContributor(ArticleBylines.FormatContributor(parsed)));
    }

    [Fact]
    public void A_name_reads_in_the_pages_script_first_and_the_other_after()
    {
        Assert.Equal("Vivian Yan (严薇)", ArticleBylines.Both("Vivian Yan", "严薇", chinese: false));
        Assert.Equal("严薇（Vivian Yan）", ArticleBylines.Both("Vivian Yan", "严薇", chinese: true));
        Assert.Equal("Demo Press", ArticleBylines.Both("Demo Press", null, chinese: true));
    }
}
