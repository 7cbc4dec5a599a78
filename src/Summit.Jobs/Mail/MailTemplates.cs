using System.Text.RegularExpressions;
using Fluid;
using Summit.Core.Editions;

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

    /// <summary>
    /// Null when the text is plain text with <c>{{ placeholder }}</c>s from <paramref name="allowed"/>; else the problem,
    /// for the form. Tags (<c>{% … %}</c>), filters and expressions are refused: they could loop, include files or fail
    /// at send time, and nobody needs them to write a letter.
    /// </summary>
    public static (string Reason, string? Detail)? Check(string text, IReadOnlyCollection<string> allowed)
    {
        ArgumentNullException.ThrowIfNull(allowed);
        text ??= "";
        if (text.Contains("{%", StringComparison.Ordinal))
        {
            return (Reasons.Tag, null);
        }

        if (!Parser.TryParse(text, out _, out var error))
        {
            return (Reasons.Syntax, error);
        }

        foreach (Match match in OutputPattern().Matches(text))
        {
            var inside = match.Groups[1].Value.Trim().Trim('-').Trim();
            if (!IdentifierPattern().IsMatch(inside) || !allowed.Contains(inside))
            {
                return (Reasons.UnknownPlaceholder, inside);
            }
        }

        return null;
    }

    /// <summary>A refusal for one form field holding an organizer's text: too long, or not a valid template; null when fine or empty.</summary>
    public static Refusal? CheckField(string field, string? value, int maxLength, IReadOnlyCollection<string> allowed)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (value.Length > maxLength)
        {
            return new(field, Reasons.TooLong);
        }

        return Check(value, allowed) is { } problem
            ? problem.Detail is null ? new(field, problem.Reason) : Refusal.With(field, problem.Reason, problem.Detail)
            : null;
    }

    /// <summary>The text with its placeholders filled in; null when it cannot be (a text saved before a rule existed).</summary>
    public static string? TryRender(string text, IReadOnlyDictionary<string, string> values) =>
        Check(text, [.. values.Keys]) is null ? Render(text, values) : null;

    public static string Render(string text, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (!Parser.TryParse(text ?? "", out var template, out var error))
        {
            throw new ArgumentException($"Not a valid template: {error}", nameof(text));
        }

        var context = new TemplateContext(new TemplateOptions { MaxSteps = 10_000, MaxRecursion = 10 });
        foreach (var (name, value) in values)
        {
            context.SetValue(name, value);
        }

        return template.Render(context, NullEncoder.Default);
    }

    public static class Reasons
    {
        public const string Syntax = "The text has a placeholder that is not closed or not valid: {0}";
        public const string UnknownPlaceholder = "Unknown placeholder “{0}”: use one of those listed above the text.";
        public const string TooLong = "This text is too long.";
        public const string Tag = "Only placeholders such as {{ name }} can be used here, not {% tags %}.";
    }

    [GeneratedRegex(@"\{\{(.*?)\}\}", RegexOptions.CultureInvariant | RegexOptions.Singleline, matchTimeoutMilliseconds: 1000)]
    private static partial Regex OutputPattern();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex IdentifierPattern();
}
