using Summit.Core.Editions;

namespace Summit.Core.Text;

public static class Texts
{
    /// <summary>A refusal for each field whose trimmed text is longer than its column allows.</summary>
    public static IEnumerable<Refusal> TooLong(string reason, params (string Field, string? Value, int Max)[] fields) =>
        fields.Where(f => f.Value is not null && f.Value.Trim().Length > f.Max).Select(f => new Refusal(f.Field, reason));

    /// <summary>C0 control characters other than tab and line breaks: nobody types them, and PostgreSQL refuses NUL.</summary>
    public static bool HasControlCharacters(string? value) =>
        value is not null && value.Any(c => c < ' ' && c is not '\t' and not '\n' and not '\r');
}
