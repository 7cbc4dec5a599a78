using Ganss.Xss;
using Markdig;

namespace Summit.Core.Text;

/// <summary>
/// Markdown typed by speakers, organizers and press, turned into HTML that is safe to put in a page: Markdig renders,
/// HtmlSanitizer removes anything that is not plain formatting (scripts, event handlers, styles, iframes…).
/// </summary>
public static class RichText
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseAutoLinks()
        .UseEmphasisExtras()
        .UseListExtras()
        .Build();

    // One sanitizer per thread: cheap to keep, and no lock for requests to queue on (the API renders many at once).
    private static readonly ThreadLocal<HtmlSanitizer> Sanitizer = new(CreateSanitizer);

    public static string ToSafeHtml(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return "";
        }

        var html = Markdown.ToHtml(markdown, Pipeline);
        return Sanitizer.Value!.Sanitize(html);
    }

    /// <summary>
    /// The same Markdown as plain text, for what is not HTML (the schedule apps' abstracts, calendar descriptions):
    /// emphasis and link markup gone, a link's text kept, each paragraph and list item on a line of its own.
    /// </summary>
    public static string ToPlainText(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return "";
        }

        var lines = Markdown.ToPlainText(markdown, Pipeline).ReplaceLineEndings("\n").Split('\n').Select(l => l.TrimEnd());
        return string.Join("\n", lines).Trim();
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer(new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "p", "br", "strong", "em", "b", "i", "del", "ul", "ol", "li", "blockquote", "a", "h3", "h4", "code", "pre", "hr",
            },
            AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "title" },
            AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto" },
            UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href" },
        });
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { TagName: "A" } link)
            {
                link.SetAttribute("rel", "nofollow noopener");
            }
        };
        return sanitizer;
    }
}
