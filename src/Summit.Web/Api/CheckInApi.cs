using System.Globalization;
using System.Security.Claims;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Summit.Core.Api;
using Summit.Core.Data;
using Summit.Core.Registrations;
using Summit.Web.Hosting;

namespace Summit.Web.Api;

/// <summary>
/// Check-in for the venue's gates and other desks (<c>/api/v1/checkin</c>): the same rules as the desk page (a badge's
/// QR token or its short code, once per person, every scan logged), arrivals per category, and the log of scans.
/// </summary>
public static class CheckInApi
{
    [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
    public sealed record CheckInRequestDto(int Edition, string? Code, string? Desk);

    public sealed record CheckInDto(
        string Result, int? RegistrationId, string? NameZh, string? NameLatin, string? CategoryEn, string? CategoryZh, string? Organisation,
        DateTimeOffset? CheckedInAt, string? Desk);

    public sealed record ScanDto(long Id, int? EditionId, int? RegistrationId, string Result, string Desk, DateTimeOffset At);

    public sealed record ScanPageDto(IReadOnlyList<ScanDto> Items, string? Next);

    public static void MapCheckInApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var api = app.MapGroup("/api/v1/checkin").RequireRateLimiting(SummitWebServices.ApiRateLimit)
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(OrganizerApi.BodyLimit))
            .WithTags("Check-in")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        var read = ApiPolicies.For(ApiScopes.CheckIn, ApiAccess.Read);
        api.MapPost("", CheckInAsync).WithName("CheckIn")
            .WithSummary("Checks a badge in, by its QR token or its short code, with the desk's rules: 201 on arrival, 200 when already checked in (with the first arrival), 404 for a badge that is not valid, 409 for one of another edition, cancelled or not confirmed. Every scan is logged.")
            .RequireAuthorization(ApiPolicies.For(ApiScopes.CheckIn, ApiAccess.ReadWrite))
            .Accepts<CheckInRequestDto>("application/json")
            .Produces<CheckInDto>(StatusCodes.Status201Created)
            .Produces<CheckInDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        api.MapGet("/arrivals", ArrivalsAsync).WithName("ListArrivals")
            .WithSummary("Arrivals against confirmed registrations, per category of an edition.")
            .RequireAuthorization(read)
            .Produces<IReadOnlyList<CategoryArrivals>>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/scans", ScansAsync).WithName("ListScans")
            .WithSummary("Every scan at the doors (welcome, already in, refused), in id order, a page at a time; follow next for the rest.")
            .RequireAuthorization(read)
            .Produces<ScanPageDto>()
            .ProducesValidationProblem();
    }

    private static async Task<IResult> CheckInAsync(CheckInRequestDto body, ClaimsPrincipal user, SummitDbContext db, CheckInAttendee checkIn, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(body.Code))
        {
            return ApiRequest.Invalid("code", "Send the badge's QR token or its short code.");
        }

        if (!OrganizerApi.Reach(user).Includes(body.Edition) || !await db.Editions.AnyAsync(e => e.Id == body.Edition, cancellationToken))
        {
            return ApiRequest.Invalid("edition", "No edition with this id is within this token's reach.");
        }

        var outcome = await checkIn.RunAsync(body.Code, body.Edition, body.Desk ?? "API", null, cancellationToken);
        var dto = new CheckInDto(outcome.Result.ToString(), outcome.RegistrationId, outcome.NameZh, outcome.NameLatin, outcome.CategoryEn, outcome.CategoryZh, outcome.Organisation, outcome.CheckedInAt, outcome.CheckedInDesk);
        return outcome.Result switch
        {
            CheckInResult.Welcome => TypedResults.Created($"/api/v1/registrations/{outcome.RegistrationId!.Value.ToString(CultureInfo.InvariantCulture)}", dto),
            CheckInResult.AlreadyCheckedIn => TypedResults.Ok(dto),
            CheckInResult.Invalid => Refused(StatusCodes.Status404NotFound, "Not a valid badge", "No current badge has this code: it is mistyped, forged, or the badge was reissued.", outcome.Result),
            CheckInResult.OtherEdition => Refused(StatusCodes.Status409Conflict, "Another edition", "This badge is for another edition.", outcome.Result),
            CheckInResult.Cancelled => Refused(StatusCodes.Status409Conflict, "Cancelled", "This registration is cancelled or was declined.", outcome.Result),
            _ => Refused(StatusCodes.Status409Conflict, "Not confirmed", "This registration is not confirmed (waiting for approval or on the waiting list).", outcome.Result),
        };
    }

    private static ProblemHttpResult Refused(int status, string title, string detail, CheckInResult result) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail, extensions: new Dictionary<string, object?> { ["field"] = "code", ["result"] = result.ToString() });

    private static async Task<IResult> ArrivalsAsync(string? edition, ClaimsPrincipal user, SummitDbContext db, CheckInQueries queries, CancellationToken cancellationToken)
    {
        if (!int.TryParse(edition, NumberStyles.None, CultureInfo.InvariantCulture, out var editionId))
        {
            return ApiRequest.Invalid("edition", "Give the edition's id, for example ?edition=3.");
        }

        if (!OrganizerApi.Reach(user).Includes(editionId) || !await db.Editions.AnyAsync(e => e.Id == editionId, cancellationToken))
        {
            return ApiRequest.NotFound("No edition with this id is within this token's reach.");
        }

        return TypedResults.Ok(await queries.ArrivalsAsync(editionId, cancellationToken));
    }

    private static async Task<IResult> ScansAsync(string? edition, string? after, string? limit, HttpContext context, ClaimsPrincipal user, CheckInQueries queries, CancellationToken cancellationToken)
    {
        var (start, size, errors) = ApiRequest.Paging(after, limit, "after must be a scan id (a positive number).");
        var editionId = ApiRequest.OptionalId("edition", edition, errors);
        var reach = OrganizerApi.Reach(user);
        if (editionId is int id && !reach.Includes(id))
        {
            errors["edition"] = [ApiQueries.Reasons.EditionOutOfReach];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var scans = await queries.ScansAsync(reach.Editions, editionId, start, size + 1, cancellationToken);
        var page = scans.Take(size).Select(s => new ScanDto(s.Id, s.EditionId, s.RegistrationId, s.Result.ToString(), s.Desk, s.At)).ToList();
        var next = ApiRequest.Next(context, "/api/v1/checkin/scans", page.LastOrDefault()?.Id ?? 0, size, scans.Count > size, new() { ["edition"] = edition });
        return TypedResults.Ok(new ScanPageDto(page, next));
    }
}
