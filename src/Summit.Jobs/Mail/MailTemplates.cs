using System.Text.RegularExpressions;
using Fluid;

namespace Summit.Jobs.Mail;

/// <summary>
/// Texts organizers write with placeholders (<c>{{ name }}</c>, <c>{{ edition }}</c>…), in Liquid through Fluid: a
/// sandbox that reaches only the values given to it. Rendered as plain text; the mail layout encodes it for HTML.
/// </summary>
public static partial class MailTemplates
{
    private static readonly FluidParser Parser = new();

    /// <summary>The placeholders every organizer-written email may use.</summary>
    public static readonly IReadOnlyList<string> Placeholders = ["name", "edition", "category", "link"];

    /// <summary>Null when the text is a valid template using only <paramref name="allowed"/>; else the problem, for the form.</summary>
    public static (string Reason, string? Detail)? Check(string text, IReadOnlyCollection<string> allowed)
    {
        ArgumentNullException.ThrowIfNull(allowed);
        if (!Parser.TryParse(text ?? "", out _, out var error))
        {
            return (Reasons.Syntax, error);
        }

        foreach (Match match in PlaceholderPattern().Matches(text ?? ""))
        {
            if (!allowed.Contains(match.Groups[1].Value))
            {
                return (Reasons.UnknownPlaceholder, match.Groups[1].Value);
            }
        }

        return null;
    }

    public static string Render(string text, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (!Parser.TryParse(text ?? "", out var template, out var error))
        {
            throw new ArgumentException($"Not a valid template: {error}", nameof(text));
        }

        var context = new TemplateContext();
        foreach (var (name, value) in values)
        {
            context.SetValue(name, value);
        }

        return template.Render(context, NullEncoder.Default);
    }

    public static class Reasons
    {
        public const string Syntax = "The text has a placeholder that is not closed or not valid: {0}";
        public const string UnknownPlaceholder = "Unknown placeholder “{0}”: use name, edition, category or link.";
    }

    [GeneratedRegex(@"\{\{-?\s*([A-Za-z_][A-Za-z0-9_]*)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex PlaceholderPattern();
}
