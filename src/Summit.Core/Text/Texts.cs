using System.Text.RegularExpressions;
using Summit.Core.Editions;

namespace Summit.Core.Text;

public static partial class Texts
{
    /// <summary>A refusal for each field whose trimmed text is longer than its column allows.</summary>
    public static IEnumerable<Refusal> TooLong(string reason, params (string Field, string? Value, int Max)[] fields) =>
        fields.Where(f => f.Value is not null && f.Value.Trim().Length > f.Max).Select(f => new Refusal(f.Field, reason));

    /// <summary>C0 control characters other than tab and line breaks: nobody types them, and PostgreSQL refuses NUL.</summary>
    public static bool HasControlCharacters(string? value) =>
        value is not null && value.Any(c => c < ' ' && c is not '\t' and not '\n' and not '\r');

    /// <summary>
    /// Text that opens an HTML tag (<c>&lt;script</c>, <c>&lt;img</c>, <c>&lt;/</c>, <c>&lt;!</c>). Names, organisations and
    /// positions are printed on badges, lists and emails; nobody's real name contains a tag, so it is refused with a
    /// message rather than stored and escaped at every use. A lone "&lt;" (as in "&lt;3") is still fine.
    /// </summary>
    public static bool LooksLikeMarkup(string? value) => value is not null && MarkupPattern().IsMatch(value);

    [GeneratedRegex(@"<\s*[A-Za-z/!?]", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex MarkupPattern();
}
