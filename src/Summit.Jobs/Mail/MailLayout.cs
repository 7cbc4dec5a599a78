using System.Net;

namespace Summit.Jobs.Mail;

/// <summary>
/// The plain layout shared by the transactional emails until the Email issue brings templates: a greeting, a
/// paragraph, one button, the link in clear, a footer; HTML and text, every value encoded.
/// </summary>
internal static class MailLayout
{
    public static bool Chinese(string culture) => culture.StartsWith("zh", StringComparison.OrdinalIgnoreCase);

    public static MailDraft Draft(string kind, string to, string name, string culture, string subject, string greeting, string body, string action, Uri link, string footer)
    {
        var href = WebUtility.HtmlEncode(link.AbsoluteUri);
        var lang = Chinese(culture) ? "zh-Hans" : "en";
        var html = $"""
            <!DOCTYPE html>
            <html lang="{lang}"><head><meta charset="utf-8"><title>{WebUtility.HtmlEncode(subject)}</title></head>
            <body style="font-family: sans-serif; line-height: 1.5; color: #1b2330;">
            <p>{WebUtility.HtmlEncode(greeting)}</p>
            <p>{WebUtility.HtmlEncode(body)}</p>
            <p><a href="{href}" style="display: inline-block; padding: 10px 16px; background: #0b5394; color: #ffffff; text-decoration: none; border-radius: 4px;">{WebUtility.HtmlEncode(action)}</a></p>
            <p style="font-size: 13px; color: #555;">{href}</p>
            <p style="font-size: 13px; color: #555;">{WebUtility.HtmlEncode(footer)}</p>
            </body></html>
            """;
        var text = $"{greeting}\n\n{body}\n\n{action}: {link.AbsoluteUri}\n\n{footer}\n";
        return new MailDraft(kind, to, name, lang, subject, html, text);
    }
}
