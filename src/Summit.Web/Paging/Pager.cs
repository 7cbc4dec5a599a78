using Microsoft.AspNetCore.Http;
using Summit.Core.Paging;

namespace Summit.Web.Paging;

/// <summary>
/// The links between the pages of a list (<c>_Pager</c>): each the page's own address with its query kept (the
/// filters) and only <c>page</c> changed, page 1 without it.
/// </summary>
public sealed record Pager(int Number, int Count, int Total, int First, int Last, string Path, IReadOnlyList<KeyValuePair<string, string?>> Query)
{
    public const string Parameter = "page";

    public static Pager For<T>(PageOf<T> page, HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(request);
        var kept = request.Query
            .Where(q => !string.Equals(q.Key, Parameter, StringComparison.OrdinalIgnoreCase) && !string.Equals(q.Key, "handler", StringComparison.OrdinalIgnoreCase))
            .SelectMany(q => q.Value.Where(v => !string.IsNullOrEmpty(v)).Select(v => new KeyValuePair<string, string?>(q.Key, v)))
            .ToList();
        return new Pager(page.Number, page.Count, page.Total, page.Shown.First, page.Shown.Last, request.PathBase + request.Path, kept);
    }

    public bool HasPrevious => Number > 1;

    public bool HasNext => Number < Count;

    /// <summary>This list's address at page <paramref name="number"/>, with the filters it was asked with.</summary>
    public string Link(int number)
    {
        var query = number <= 1 ? Query : [.. Query, new(Parameter, number.ToString(System.Globalization.CultureInfo.InvariantCulture))];
        return Path + QueryString.Create(query).ToUriComponent();
    }

    /// <summary>This list's address at its page, for the form whose handler comes back to it.</summary>
    public string Here(string? handler = null)
    {
        var link = Link(Number);
        return handler is null ? link : link + (link.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "handler=" + Uri.EscapeDataString(handler);
    }
}
