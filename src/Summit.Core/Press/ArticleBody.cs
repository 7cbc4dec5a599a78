using System.Globalization;
using System.Text.RegularExpressions;

namespace Summit.Core.Press;

/// <summary>A piece of an article's body: cleaned HTML from Markdown, or one of the article's photos by number.</summary>
public sealed record ArticleBlock(string? Html, int? PhotoNumber);

/// <summary>
/// An article's body for the page: the Markdown between photo lines (<c>[photo 2]</c> on a line of its own) is rendered
/// and cleaned by <see cref="RichText"/>; the photo lines become figures, drawn by the page from the photo's data, so no
/// HTML from an author ever reaches the page unchecked.
/// </summary>
public static partial class ArticleBody
{
    public static IReadOnlyList<ArticleBlock> Blocks(string? markdown)
    {
        var blocks = new List<ArticleBlock>();
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return blocks;
        }

        var text = new List<string>();
        void Flush()
        {
            var html = RichText.ToSafeHtml(string.Join('\n', text));
            if (html.Length > 0)
            {
                blocks.Add(new ArticleBlock(html, null));
            }

            text.Clear();
        }

        foreach (var line in markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var photo = PhotoLine().Match(line);
            if (photo.Success)
            {
                Flush();
                blocks.Add(new ArticleBlock(null, int.Parse(photo.Groups[1].ValueSpan, CultureInfo.InvariantCulture)));
            }
            else
            {
                text.Add(line);
            }
        }

        Flush();
        return blocks;
    }

    /// <summary>The body as plain text (for feeds' summaries and search descriptions): Markdown and photo lines removed.</summary>
    public static string PlainText(string? markdown, int maxLength)
    {
        var html = string.Concat(Blocks(markdown).Select(b => b.Html));
        // Blocks part words; inline tags (emphasis, links) sit inside them.
        var plain = System.Net.WebUtility.HtmlDecode(Tags().Replace(BlockTags().Replace(html, " "), ""));
        plain = Spaces().Replace(plain, " ").Trim();
        return plain.Length <= maxLength ? plain : plain[..(maxLength - 1)].TrimEnd() + "…";
    }

    [GeneratedRegex(@"^\s*\[photo\s+([1-9][0-9]{0,2})\]\s*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex PhotoLine();

    [GeneratedRegex("<[^>]+>", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Tags();

    [GeneratedRegex("</?(?:p|h[1-6]|li|ul|ol|blockquote|pre|br|hr)\\b[^>]*>", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex BlockTags();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Spaces();
}
