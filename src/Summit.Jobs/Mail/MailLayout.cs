using System.Net;

namespace Summit.Jobs.Mail;

/// <summary>
/// The plain layout shared by the transactional emails (organizers may reword them: MailOverrides): a greeting, a
/// paragraph, one button, the link in clear, a footer; HTML and text, every value encoded.
/// </summary>
internal static class MailLayout
{
    public static MailDraft Draft(string kind, string to, string name, string culture, string subject, string greeting, string body, string action, Uri link, string footer) =>
        Draft(kind, to, name, culture, subject, greeting, [body], [], action, link, footer);

    /// <summary>The layout with several paragraphs and a list (the sessions a schedule change concerns).</summary>
    public static MailDraft Draft(string kind, string to, string name, string culture, string subject, string greeting, IReadOnlyList<string> paragraphs, IReadOnlyList<string> items, string action, Uri link, string footer)
    {
        ArgumentNullException.ThrowIfNull(link);
        var href = WebUtility.HtmlEncode(link.AbsoluteUri);
        var lang = Cultures.Normalize(culture);
        var html = new System.Text.StringBuilder();
        html.Append(System.Globalization.CultureInfo.InvariantCulture, $"""
            <!DOCTYPE html>
            <html lang="{lang}"><head><meta charset="utf-8"><title>{WebUtility.HtmlEncode(subject)}</title></head>
            <body style="font-family: sans-serif; line-height: 1.5; color: #1b2330;">
            <p>{WebUtility.HtmlEncode(greeting)}</p>
            """);
        foreach (var paragraph in paragraphs)
        {
            html.Append(System.Globalization.CultureInfo.InvariantCulture, $"<p>{WebUtility.HtmlEncode(paragraph)}</p>\n");
        }

        if (items.Count > 0)
        {
            html.Append("<ul>\n");
            foreach (var item in items)
            {
                html.Append(System.Globalization.CultureInfo.InvariantCulture, $"<li>{WebUtility.HtmlEncode(item)}</li>\n");
            }

            html.Append("</ul>\n");
        }

        html.Append(System.Globalization.CultureInfo.InvariantCulture, $"""
            <p><a href="{href}" style="display: inline-block; padding: 10px 16px; background: #0b5394; color: #ffffff; text-decoration: none; border-radius: 4px;">{WebUtility.HtmlEncode(action)}</a></p>
            <p style="font-size: 13px; color: #555;">{href}</p>
            <p style="font-size: 13px; color: #555;">{WebUtility.HtmlEncode(footer)}</p>
            </body></html>
            """);
        var text = new System.Text.StringBuilder();
        text.Append(greeting).Append("\n\n");
        foreach (var paragraph in paragraphs)
        {
            text.Append(paragraph).Append("\n\n");
        }

        foreach (var item in items)
        {
            text.Append("- ").Append(item).Append('\n');
        }

        if (items.Count > 0)
        {
            text.Append('\n');
        }

        text.Append(action).Append(": ").Append(link.AbsoluteUri).Append("\n\n").Append(footer).Append('\n');
        return new MailDraft(kind, to, name, lang, subject, html.ToString(), text.ToString());
    }
}
