using System.Globalization;
using System.Security.Claims;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Summit.Core.Api;
using Summit.Core.Data;
using Summit.Core.Scheduling;
using Summit.Web.Hosting;

namespace Summit.Web.Api;

/// <summary>
/// The programme for the organizer's systems (<c>/api/v1/programme</c>, scope programme): the published versions
/// with their changelogs, the editor's working copy, and moving a session with the editor's clash rules.
/// </summary>
public static class WorkingProgrammeApi
{
    private const string Path = "/api/v1/programme";

    private const string NoSession = "No session with this id is within this token's reach.";

    public sealed record VersionDto(int Id, int EditionId, int Number, string Name, DateTimeOffset PublishedAt, int ChangeCount);

    public sealed record ChangeDto(
        int SessionId, string Kind, string TitleEn, string TitleZh, int? OldRoomId, DateTimeOffset? OldStartsAt, DateTimeOffset? OldEndsAt,
        int? NewRoomId, DateTimeOffset? NewStartsAt, DateTimeOffset? NewEndsAt, IReadOnlyList<int> SpeakerIdsBefore, IReadOnlyList<int> SpeakerIdsAfter);

    public sealed record VersionWithChangesDto(int Id, int EditionId, int Number, string Name, DateTimeOffset PublishedAt, IReadOnlyList<ChangeDto> Changes);

    public sealed record SessionPageDto(IReadOnlyList<WorkingSessionDto> Items, string? Next);

    /// <summary>Where a session goes: a room of its edition, from a time to a time (ISO 8601 with the offset).</summary>
    [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
    public sealed record MoveDto(int RoomId, DateTimeOffset StartsAt, DateTimeOffset EndsAt);

    public static void MapWorkingProgrammeApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var api = app.MapGroup(Path).RequireRateLimiting(SummitWebServices.ApiRateLimit)
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(OrganizerApi.BodyLimit))
            .WithTags("Programme (organizer)")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        var read = ApiPolicies.For(ApiScopes.Programme, ApiAccess.Read);
        api.MapGet("/versions", VersionsAsync).WithName("ListProgrammeVersions")
            .WithSummary("The published versions of an edition's programme (?edition= its id), newest first, with how many changes each made.")
            .RequireAuthorization(read)
            .Produces<IReadOnlyList<VersionDto>>()
            .ProducesValidationProblem();
        api.MapGet("/versions/{id:int}", VersionAsync).WithName("GetProgrammeVersion")
            .WithSummary("One published version with its changelog: every session added, moved, cancelled, reinstated, removed or changed, in order.")
            .RequireAuthorization(read)
            .Produces<VersionWithChangesDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/sessions", SessionsAsync).WithName("ListWorkingSessions")
            .WithSummary("The sessions of an edition's working copy (what the editor shows, published or not), in id order, a page at a time.")
            .RequireAuthorization(read)
            .Produces<SessionPageDto>()
            .ProducesValidationProblem();
        api.MapGet("/sessions/{id:int}", SessionAsync).WithName("GetWorkingSession")
            .WithSummary("One session of the working copy, with its ETag.")
            .RequireAuthorization(read)
            .Produces<WorkingSessionDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/sessions/{id:int}/move", MoveAsync).WithName("MoveWorkingSession")
            .WithSummary("Moves (or places, or resizes) a session of the working copy with the editor's rules: within the edition's days, a free room, speakers not double-booked and available. A clash answers 409 naming the field and what it clashes with. The public sees it when the programme is next published. With If-Match, refused with 412 if it changed since.")
            .RequireAuthorization(ApiPolicies.For(ApiScopes.Programme, ApiAccess.ReadWrite))
            .Accepts<MoveDto>("application/json")
            .Produces<WorkingSessionDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
    }

    public static string ETag(Session session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return $"\"p{session.Id.ToString(CultureInfo.InvariantCulture)}-{session.UpdatedAt.UtcTicks.ToString(CultureInfo.InvariantCulture)}\"";
    }

    /// <summary>The edition ?edition= names, when it is within reach: its id, or the 400 answer.</summary>
    private static async Task<(int? Edition, IResult? Refused)> EditionAsync(string? edition, ClaimsPrincipal user, SummitDbContext db, Dictionary<string, string[]> errors, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(edition))
        {
            errors["edition"] = ["Give the edition's id, for example ?edition=3."];
        }
        else if (ApiRequest.OptionalId("edition", edition, errors) is int id)
        {
            if (OrganizerApi.Reach(user).Includes(id) && await db.Editions.AnyAsync(e => e.Id == id, cancellationToken))
            {
                return errors.Count > 0 ? (null, TypedResults.ValidationProblem(errors)) : (id, null);
            }

            errors["edition"] = ["No edition with this id is within this token's reach."];
        }

        return (null, TypedResults.ValidationProblem(errors));
    }

    private static async Task<IResult> VersionsAsync(string? edition, ClaimsPrincipal user, SummitDbContext db, CancellationToken cancellationToken)
    {
        var (id, refused) = await EditionAsync(edition, user, db, [], cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        return TypedResults.Ok(await db.ScheduleVersions.AsNoTracking().Where(v => v.EditionId == id).OrderByDescending(v => v.Number)
            .Select(v => new VersionDto(v.Id, v.EditionId, v.Number, v.Name, v.PublishedAt, db.ScheduleChanges.Count(c => c.VersionId == v.Id)))
            .ToListAsync(cancellationToken));
    }

    private static async Task<IResult> VersionAsync(int id, ClaimsPrincipal user, SummitDbContext db, CancellationToken cancellationToken)
    {
        var version = await db.ScheduleVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Id == id, cancellationToken);
        if (version is null || !OrganizerApi.Reach(user).Includes(version.EditionId))
        {
            return ApiRequest.NotFound("No published version with this id is within this token's reach.");
        }

        var changes = await db.ScheduleChanges.AsNoTracking().Where(c => c.VersionId == id).OrderBy(c => c.Id).ToListAsync(cancellationToken);
        return TypedResults.Ok(new VersionWithChangesDto(version.Id, version.EditionId, version.Number, version.Name, version.PublishedAt, changes.Select(c => new ChangeDto(
            c.SessionId, c.Kind.ToString(), c.TitleEn, c.TitleZh, c.OldRoomId, c.OldStartsAt, c.OldEndsAt, c.NewRoomId, c.NewStartsAt, c.NewEndsAt, c.SpeakerIdsBefore, c.SpeakerIdsAfter)).ToList()));
    }

    private static async Task<IResult> SessionsAsync(string? edition, string? after, string? limit, HttpContext context, ClaimsPrincipal user, SummitDbContext db, ApiQueries queries, CancellationToken cancellationToken)
    {
        var (start, size, errors) = ApiRequest.Paging(after, limit);
        var (id, refused) = await EditionAsync(edition, user, db, errors, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        var rows = await queries.SessionsAsync(id!.Value, start, size, cancellationToken);
        var items = rows.Take(size).Select(WorkingSessionDto.From).ToList();
        return TypedResults.Ok(new SessionPageDto(items, ApiRequest.Next(context, $"{Path}/sessions", items.LastOrDefault()?.Id ?? 0, size, rows.Count > size, new() { ["edition"] = edition })));
    }

    private static async Task<Session?> FindAsync(int id, ClaimsPrincipal user, SummitDbContext db, CancellationToken cancellationToken)
    {
        var session = await db.Sessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        return session is not null && OrganizerApi.Reach(user).Includes(session.EditionId) ? session : null;
    }

    private static async Task<IResult> SessionAsync(int id, HttpContext context, ClaimsPrincipal user, SummitDbContext db, CancellationToken cancellationToken)
    {
        var session = await FindAsync(id, user, db, cancellationToken);
        if (session is null)
        {
            return ApiRequest.NotFound(NoSession);
        }

        context.Response.Headers.ETag = ETag(session);
        return TypedResults.Ok(WorkingSessionDto.From(session));
    }

    private static async Task<IResult> MoveAsync(int id, MoveDto body, HttpContext context, ClaimsPrincipal user, SummitDbContext db, ScheduleSession schedule, CancellationToken cancellationToken)
    {
        var session = await FindAsync(id, user, db, cancellationToken);
        if (session is null)
        {
            return ApiRequest.NotFound(NoSession);
        }

        DateTimeOffset? expected = null;
        var ifMatch = context.Request.Headers.IfMatch.ToString();
        if (ifMatch.Length > 0 && ifMatch != "*")
        {
            var prefix = $"\"p{id.ToString(CultureInfo.InvariantCulture)}-";
            var value = ifMatch.Trim();
            if (!value.StartsWith(prefix, StringComparison.Ordinal) || !value.EndsWith('"')
                || !long.TryParse(value[prefix.Length..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) || ticks is <= 0 || ticks >= DateTimeOffset.MaxValue.UtcTicks)
            {
                return ApiRequest.Problem(StatusCodes.Status412PreconditionFailed, "Precondition failed", "If-Match is not an ETag of this session; read it again.");
            }

            expected = new DateTimeOffset(ticks, TimeSpan.Zero);
        }

        var outcome = await schedule.PlaceAsync(session.EditionId, id, body.RoomId, body.StartsAt, body.EndsAt, expected, cancellationToken);
        if (!outcome.Succeeded)
        {
            var refusal = outcome.Refusals[0];
            if (refusal.Field == ScheduleSession.VersionField)
            {
                return ApiRequest.Problem(StatusCodes.Status412PreconditionFailed, "Precondition failed", refusal.Message);
            }

            if (refusal.Message == ScheduleSession.Reasons.NotFound)
            {
                return ApiRequest.NotFound(NoSession);
            }

            var errors = outcome.Refusals.GroupBy(r => Field(r.Field)).ToDictionary(g => g.Key, g => g.Select(r => r.Format(CultureInfo.InvariantCulture)).ToArray());
            if (!outcome.Refusals.Any(r => r.Message is ScheduleRules.Reasons.RoomTaken or ScheduleRules.Reasons.SpeakerDoubleBooked or ScheduleRules.Reasons.SpeakerUnavailable))
            {
                // A time or room the rules refuse whatever else is planned: bad input.
                return TypedResults.ValidationProblem(errors);
            }

            // A clash with what is planned: every reason, each naming its field and what it clashes with.
            var clash = outcome.Refusals.First(r => r.Message is ScheduleRules.Reasons.RoomTaken or ScheduleRules.Reasons.SpeakerDoubleBooked or ScheduleRules.Reasons.SpeakerUnavailable);
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Clash in the programme", detail: clash.Format(CultureInfo.InvariantCulture),
                extensions: new Dictionary<string, object?> { ["field"] = Field(clash.Field), ["errors"] = errors });
        }

        var moved = (await FindAsync(id, user, db, cancellationToken))!;
        context.Response.Headers.ETag = ETag(moved);
        return TypedResults.Ok(WorkingSessionDto.From(moved));
    }

    private static string Field(string field) => field.Length == 0 ? "session" : System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(field);
}
