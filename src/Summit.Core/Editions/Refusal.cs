namespace Summit.Core.Editions;

/// <summary>
/// A refusal names the form field it concerns and an English sentence the web layer localizes. A sentence with
/// <c>{0}</c>-style holes gets its <see cref="Arguments"/> filled in after translation (a session's title, a time).
/// </summary>
public sealed record Refusal(string Field, string Message)
{
    public IReadOnlyList<string> Arguments { get; init; } = [];

    /// <summary>The English sentence with its holes filled in (as the API answers it).</summary>
    public string Format(IFormatProvider provider) =>
        Arguments.Count == 0 ? Message : string.Format(provider, Message, Arguments.ToArray<object>());

    public static Refusal With(string field, string message, params string[] arguments) => new(field, message) { Arguments = arguments };
}
