using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Summit.Core.Api;

namespace Summit.Web.Api;

/// <summary>
/// What the organizer API's endpoints share: reading an optional id and a page (after, limit) from the query string
/// with the refusal named by its field, the <c>next</c> link of a page, and the problem details they answer.
/// </summary>
public static class ApiRequest
{
    public const int MaxLimit = ApiQueries.MaxLimit;

    /// <summary>An optional whole number from the query string; a refusal under <paramref name="field"/> when it is not one.</summary>
    public static int? OptionalId(string field, string? text, Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        errors[field] = [ApiQueries.Reasons.Number];
        return null;
    }

    /// <summary>The page asked for: the id to continue after (0 for the first page) and its size, with the refusals.</summary>
    public static (long After, int Limit, Dictionary<string, string[]> Errors) Paging(string? after, string? limit, string afterReason = "after must be an id (a positive number).")
    {
        var errors = new Dictionary<string, string[]>();
        long start = 0;
        if (!string.IsNullOrEmpty(after) && !long.TryParse(after, NumberStyles.None, CultureInfo.InvariantCulture, out start))
        {
            errors["after"] = [afterReason];
        }

        var size = ApiQueries.DefaultLimit;
        if (!string.IsNullOrEmpty(limit) && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size is < 1 or > MaxLimit))
        {
            errors["limit"] = [ApiQueries.Reasons.Limit];
        }

        return (start, size, errors);
    }

    /// <summary>The link to the page after the one that ended with <paramref name="last"/>, with the same filters; null on the last page.</summary>
    public static string? Next(HttpContext context, string path, long last, int limit, bool more, Dictionary<string, string?> filters)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(filters);
        if (!more)
        {
            return null;
        }

        filters["after"] = last.ToString(CultureInfo.InvariantCulture);
        filters["limit"] = limit.ToString(CultureInfo.InvariantCulture);
        return QueryHelpers.AddQueryString($"{context.Request.PathBase}{path}", filters.Where(f => !string.IsNullOrEmpty(f.Value)));
    }

    public static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail);

    public static ProblemHttpResult NotFound(string detail) => Problem(StatusCodes.Status404NotFound, "Not found", detail);

    public static ValidationProblem Invalid(string field, string reason) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [reason] });
}
