using Summit.Core.Text;

namespace Summit.Core.Tests.Text;

/// <summary>Markdown as plain text for the schedule apps and calendars (issue 18: they showed the raw Markdown).</summary>
public class RichTextPlainTests
{
    [Fact]
    public void Emphasis_and_link_markup_go_and_the_words_stay()
    {
        var plain = RichText.ToPlainText("**Green bonds** for _western_ China: see [the report](https://example.org/report).");

        Assert.Equal("Green bonds for western China: see the report.", plain);
    }

    [Fact]
    public void Paragraphs_and_list_items_keep_their_lines()
    {
        var plain = RichText.ToPlainText("First paragraph.\n\nSecond, with\n\n- one\n- two\n");

        Assert.Equal("First paragraph.\nSecond, with\none\ntwo", plain);
    }

    [Fact]
    public void Chinese_text_and_empty_text()
    {
        Assert.Equal("绿色金融与数字贸易", RichText.ToPlainText("**绿色金融**与*数字贸易*"));
        Assert.Equal("", RichText.ToPlainText("  "));
        Assert.Equal("", RichText.ToPlainText(null));
    }
}
