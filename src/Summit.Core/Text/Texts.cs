namespace Summit.Core.Text;

public static class Texts
{
    /// <summary>C0 control characters other than tab and line breaks: nobody types them, and PostgreSQL refuses NUL.</summary>
    public static bool HasControlCharacters(string? value) =>
        value is not null && value.Any(c => c < ' ' && c is not '\t' and not '\n' and not '\r');
}
