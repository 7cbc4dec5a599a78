using Summit.Core.Demo;
using Summit.Core.Press;

namespace Summit.Core.Tests.Press;

/// <summary>The article body's rendering, the seed's contributor line and revision comparison: pure functions.</summary>
public sealed class ArticleTextTests
{
    [Fact]
    public void Photo_lines_become_figures_and_the_Markdown_between_them_is_cleaned()
    {
        var blocks = ArticleBody.Blocks("Intro <script>alert(1)</script>\n\n[photo 2]\n\n### Heading\n\n[click](javascript:alert(1))\n\n  [PHOTO 13]  \n\n[photo 0]");

        Assert.Equal([null, 2, null, 13, null], blocks.Select(b => b.PhotoNumber));
        Assert.DoesNotContain("<script", blocks[0].Html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<h3>Heading</h3>", blocks[2].Html, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", blocks[2].Html, StringComparison.OrdinalIgnoreCase);
        // "[photo 0]" is not a photo (numbers start at 1): it stays text.
        Assert.Contains("[photo 0]", blocks[^1].Html, StringComparison.Ordinal);
        Assert.Empty(ArticleBody.Blocks(null));
    }

    [Fact]
    public void Plain_text_drops_markup_and_photo_lines_and_is_cut_at_a_length()
    {
        Assert.Equal("Green bonds are growing in Chongqing.", ArticleBody.PlainText("**Green bonds** are\n[photo 1]\ngrowing in *Chongqing*.", 200));
        Assert.Equal("Green…", ArticleBody.PlainText("Green bonds", 6));
    }

    [Theory]
    [InlineData("Zhang Yue, as an intern, also contributed to this report.", "Zhang Yue", "as an intern")]
    [InlineData("Li Na also contributed to this report", "Li Na", null)]
    [InlineData("Photos by Wang Fang", "Photos by Wang Fang", null)]
    public void The_contributor_line_splits_into_name_and_role(string line, string name, string? role)
    {
        Assert.Equal(new ContributorDetails(name, role), DemoPress.ParseContributor(line));
    }

    [Fact]
    public void The_seed_report_keeps_its_structure_in_the_demo_article()
    {
        var report = DemoContent.Interview;

        Assert.Equal("Chongqing", report.Dateline);
        Assert.Equal(2, report.Photos.Count());
        Assert.Equal("iChongqing / Vivian Yan", report.Photos.First().Credit);
        Assert.Contains(report.Body, b => b.IsHeading && b.Text == "Carbon emission reduction");
        Assert.Equal(new ContributorDetails("Zhang Yue", "as an intern"), DemoPress.ParseContributor(report.Contributors!));
    }

    [Fact]
    public void Two_revisions_compare_line_by_line_per_field()
    {
        ArticleContent Content(string body, params string[] tags) => new(ArticleKind.Report, "a-slug", "Headline", null, null, null, body, null, null, null, null, null, null, tags, [], [], []);

        var fields = RevisionDiff.Compare(Content("First paragraph.\nSecond paragraph.", "a"), Content("First paragraph.\nA new second paragraph.", "a", "b"));

        var body = Assert.Single(fields, f => f.Field == nameof(ArticleContent.BodyEn));
        Assert.Equal(
            [(DiffLineKind.Same, "First paragraph."), (DiffLineKind.Removed, "Second paragraph."), (DiffLineKind.Added, "A new second paragraph.")],
            body.Lines.Select(l => (l.Kind, l.Text)));
        Assert.True(Assert.Single(fields, f => f.Field == nameof(ArticleContent.Tags)).Changed);
        Assert.False(Assert.Single(fields, f => f.Field == nameof(ArticleContent.HeadlineEn)).Changed);
    }
}
