namespace Summit.Core.Editions;

/// <summary>
/// A refusal names the form field it concerns and an English sentence the web layer localizes. A sentence with
/// <c>{0}</c>-style holes gets its <see cref="Arguments"/> filled in after translation (a session's title, a time).
/// </summary>
public sealed record Refusal(string Field, string Message)
{
    public IReadOnlyList<string> Arguments { get; init; } = [];

    public static Refusal With(string field, string message, params string[] arguments) => new(field, message) { Arguments = arguments };
}
