using System.Text.RegularExpressions;

namespace Summit.Core.Press;

/// <summary>A passage in quotation marks in an article's text, with the paragraph it stands in.</summary>
public sealed record QuotedPassage(string Quote, string Paragraph, bool Chinese)
{
    /// <summary>The paragraph in three parts, the quote in the middle, for showing it marked in its context.</summary>
    public (string Before, string Quote, string After) InContext()
    {
        var at = Paragraph.IndexOf(Quote, StringComparison.Ordinal);
        return at < 0 ? ("", Quote, "") : (Paragraph[..at], Quote, Paragraph[(at + Quote.Length)..]);
    }
}

/// <summary>
/// The quotes a speaker signs off are the passages in quotation marks in the article's own text (“…”, "…", 「…」,
/// 『…』), in both languages, as they will be published. There is no separate field to drift from the body: a
/// Chinese text that kept wording the speaker asked to change changes the quotes, and so voids the sign-off
/// (<see cref="Article.Apply"/>). Every passage in quotation marks counts, however short: a two-word quote ("Not
/// guilty") can be the one that matters, so a term in quotation marks (“dual circulation”) is shown to the speaker too.
/// </summary>
public static partial class ArticleQuotes
{
    public static IReadOnlyList<QuotedPassage> From(string? bodyEn, string? bodyZh) =>
        [.. In(bodyEn, chinese: false), .. In(bodyZh, chinese: true)];

    /// <summary>The quotes as one text, a passage a paragraph: what the sign-off stands for, compared on every save.</summary>
    public static string? Snapshot(string? bodyEn, string? bodyZh)
    {
        var quotes = From(bodyEn, bodyZh).Select(q => q.Quote).Distinct(StringComparer.Ordinal).ToList();
        return quotes.Count == 0 ? null : string.Join("\n\n", quotes);
    }

    private static IEnumerable<QuotedPassage> In(string? body, bool chinese)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            yield break;
        }

        foreach (var paragraph in body.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var text = paragraph.Replace('\n', ' ');
            foreach (Match match in QuotePattern().Matches(text))
            {
                if (!string.IsNullOrWhiteSpace(match.Value[1..^1]))
                {
                    yield return new QuotedPassage(match.Value, text, chinese);
                }
            }
        }
    }

    [GeneratedRegex("“[^”]+”|\"[^\"]+\"|「[^」]+」|『[^』]+』")]
    private static partial Regex QuotePattern();
}
