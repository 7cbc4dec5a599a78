using Summit.Core.Demo;

namespace Summit.Core.Tests.Demo;

public class SeedInterviewTests
{
    private static readonly SeedInterview Interview = SeedInterview.Load();

    [Fact]
    public void The_real_interview_is_split_into_headline_dateline_and_lead()
    {
        Assert.Equal("iChongqing", Interview.Source);
        Assert.Equal("Zeng Gang: Chongqing Should Focus on Energy-Saving Emission Reduction Technologies", Interview.Headline);
        Assert.Equal("Chongqing", Interview.Dateline);
        Assert.StartsWith("The innovation and cooperation between Chongqing and Singapore", Interview.Lead, StringComparison.Ordinal);
    }

    [Fact]
    public void Photo_credits_are_kept_apart_from_captions()
    {
        var photos = Interview.Photos.ToList();
        Assert.Equal(2, photos.Count);
        Assert.Equal("iChongqing / Vivian Yan", photos[0].Credit);
        Assert.StartsWith("Zeng Gang, Deputy Director", photos[0].Caption, StringComparison.Ordinal);
        Assert.Equal("iChongqing file photo", photos[1].Credit);
    }

    [Fact]
    public void Sub_headings_and_the_contributor_line_are_recognised_and_page_chrome_dropped()
    {
        Assert.Equal(["Carbon emission reduction", "Finance transformation"], Interview.Body.Where(b => b.IsHeading).Select(b => b.Text));
        Assert.Equal("Zhang Yue, as an intern, also contributed to this report.", Interview.Contributors);
        Assert.DoesNotContain(Interview.Body, b => b.Text.Contains("Cookie", StringComparison.Ordinal) || b.Text.Contains("telephone", StringComparison.Ordinal));
    }

    [Fact]
    public void Zeng_Gang_is_in_the_demo_with_both_positions()
    {
        Assert.Equal("曾刚", DemoContent.ZengGang.NameZh);
        Assert.Equal("Zeng Gang", DemoContent.ZengGang.NameLatin);
        Assert.Equal(
            ["National Institution for Finance and Development", "Shanghai Institution for Finance and Development"],
            DemoContent.ZengGang.Positions.Select(p => p.OrganisationEn));
        Assert.Contains("Deputy Director of National Institution for Finance and Development", Interview.Lead, StringComparison.Ordinal);
    }

    [Fact]
    public void The_demo_edition_passes_the_edition_rules() =>
        Assert.Empty(Summit.Core.Editions.SaveEdition.Check(DemoContent.Edition2021));
}
