using Summit.Core.Press;

namespace Summit.Core.Tests.Press;

public sealed class ArticleQuotesTests
{
    private const string English = """
        Chongqing- The innovation and cooperation have demonstrated a strong connection, pushing into a new development pattern of “dual circulation”.

        “In terms of key directions of financial support for carbon emission reduction,” said Zeng.
        "Chongqing is an important industrial city," he added.
        """;

    private const string Chinese = "曾刚表示：“重庆是重要的工业城市，转型过程中减排空间很大。”他还提到“双循环”。\n\n「绿色交通和绿色建筑是未来的重点方向」，他说。";

    [Fact]
    public void The_quotes_are_every_passage_in_quotation_marks_in_both_texts_however_short()
    {
        var quotes = ArticleQuotes.From(English, Chinese);

        Assert.Equal(
            [
                "“dual circulation”",
                "“In terms of key directions of financial support for carbon emission reduction,”",
                "\"Chongqing is an important industrial city,\"",
                "“重庆是重要的工业城市，转型过程中减排空间很大。”",
                "“双循环”",
                "「绿色交通和绿色建筑是未来的重点方向」",
            ],
            quotes.Select(q => q.Quote));
        Assert.Equal([false, false, false, true, true, true], quotes.Select(q => q.Chinese));
    }

    [Fact]
    public void A_quote_is_shown_in_its_paragraph()
    {
        var quote = ArticleQuotes.From(null, Chinese)[0];

        var (before, marked, after) = quote.InContext();

        Assert.Equal("曾刚表示：", before);
        Assert.Equal("“重庆是重要的工业城市，转型过程中减排空间很大。”", marked);
        Assert.Equal("他还提到“双循环”。", after);
    }

    [Fact]
    public void The_snapshot_changes_when_a_quote_changes_and_not_when_the_rest_does()
    {
        var before = ArticleQuotes.Snapshot(English, Chinese);

        Assert.Equal(before, ArticleQuotes.Snapshot(English.Replace("Chongqing- ", "Chongqing – ", StringComparison.Ordinal), Chinese));
        Assert.NotEqual(before, ArticleQuotes.Snapshot(English, Chinese.Replace("减排空间很大", "减排空间较大", StringComparison.Ordinal)));
        // Short quotes count too: "Not guilty" → "Guilty" is the change that matters most.
        Assert.NotEqual(ArticleQuotes.Snapshot("He said \"Not guilty\".", null), ArticleQuotes.Snapshot("He said \"Guilty\".", null));
        Assert.NotEqual(ArticleQuotes.Snapshot(null, "他说：“绝不裁员”。"), ArticleQuotes.Snapshot(null, "他说：“考虑裁员”。"));
        Assert.Null(ArticleQuotes.Snapshot("No quotes here.", null));
    }
}
