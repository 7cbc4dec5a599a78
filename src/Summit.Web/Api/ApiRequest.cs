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

    /// <summary>
    /// A JSON merge patch (RFC 7396) onto <paramref name="current"/> as the API shows it, read back strictly (types,
    /// unknown fields): the value to save, or the 400 answer naming the fields. Names are case-insensitive, as
    /// everywhere in the API's JSON; a member of the patch set to null clears it.
    /// </summary>
    public static (T? Value, IResult? Refused) MergePatch<T>(T current, System.Text.Json.Nodes.JsonObject patch, System.Text.Json.JsonSerializerOptions options, string what)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(patch);
        var merged = System.Text.Json.JsonSerializer.SerializeToNode(current, options)!.AsObject();
        var names = merged.Select(p => p.Key).ToDictionary(k => k, StringComparer.OrdinalIgnoreCase);
        var unknown = patch.Select(p => p.Key).Where(name => !names.ContainsKey(name)).ToList();
        if (unknown.Count > 0)
        {
            return (null, TypedResults.ValidationProblem(unknown.ToDictionary(name => name, _ => new[] { $"This field is not part of {what}." })));
        }

        foreach (var (name, value) in patch)
        {
            merged[names[name]] = value?.DeepClone();
        }

        try
        {
            return (System.Text.Json.JsonSerializer.Deserialize<T>(merged, options)!, null);
        }
        catch (System.Text.Json.JsonException e)
        {
            return (null, Invalid(e.Path is { Length: > 2 } path ? path[2..].Split('.', '[')[0] : "body", "This field has the wrong type (text, a number, true or false, a list, or null, as the document describes)."));
        }
    }

    /// <summary>
    /// The problem details of a request the API could not take: for a body that is not JSON of the endpoint's shape,
    /// the field (from the JSON path) and the reason; for anything else its status alone (never the exception).
    /// </summary>
    public static async Task WriteFailureAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var error = context.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>()?.Error;
        var problem = new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = context.Response.StatusCode };
        if (context.Response.StatusCode == StatusCodes.Status503ServiceUnavailable)
        {
            context.Response.Headers.RetryAfter = "5";
            problem.Title = "Busy";
            problem.Detail = "Every database connection is in use. Nothing was changed; send the request again after Retry-After seconds.";
        }
        if (error is BadHttpRequestException { InnerException: System.Text.Json.JsonException json })
        {
            var field = json.Path is { Length: > 2 } path ? path[2..].Split('.', '[')[0] : "body";
            problem.Title = "The body is not JSON of this endpoint's shape";
            problem.Detail = json.LineNumber is null ? "The body is not valid JSON." : $"Not read at line {json.LineNumber + 1}, byte {json.BytePositionInLine + 1}: the value of {field} has the wrong type or the JSON is broken there.";
            problem.Extensions["errors"] = new Dictionary<string, string[]> { [field] = ["This value has the wrong type or is not valid JSON (times are ISO 8601 with their offset, ids and numbers are numbers)."] };
        }

        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }
}
