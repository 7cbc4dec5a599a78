using System.Globalization;
using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Summit.Core.Api;
using Summit.Core.Editions;
using Summit.Core.Speakers;
using Summit.Web.Hosting;

namespace Summit.Web.Api;

/// <summary>
/// Speakers' profiles for the organizer's systems (<c>/api/v1/speaker-profiles</c>, scope speakers): every field in
/// both scripts with the contact address, the editions a profile is listed for, and its sessions. The anonymous
/// <c>/api/v1/speakers</c> stays what partner sites read (public fields only, by slug).
/// </summary>
public static class SpeakerProfilesApi
{
    private const string Path = "/api/v1/speaker-profiles";

    private const string NoSpeaker = "No speaker with this id is within this token's reach.";

    public sealed record SpeakerPageDto(IReadOnlyList<SpeakerRecordDto> Items, string? Next);

    public static void MapSpeakerProfilesApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var api = app.MapGroup(Path).RequireRateLimiting(SummitWebServices.ApiRateLimit)
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(OrganizerApi.BodyLimit))
            .WithTags("Speakers (organizer)")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        var read = ApiPolicies.For(ApiScopes.Speakers, ApiAccess.Read);
        var write = ApiPolicies.For(ApiScopes.Speakers, ApiAccess.ReadWrite);
        api.MapGet("", ListAsync).WithName("ListSpeakerProfiles")
            .WithSummary("Speakers listed for the token's editions (or for ?edition=), in id order, a page at a time; follow next for the rest.")
            .RequireAuthorization(read)
            .Produces<SpeakerPageDto>()
            .ProducesValidationProblem();
        api.MapGet("/{id:int}", OneAsync).WithName("GetSpeakerProfile")
            .WithSummary("One speaker's profile, with its ETag.")
            .RequireAuthorization(read)
            .Produces<SpeakerRecordDto>()
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/{id:int}/sessions", SessionsAsync).WithName("ListSpeakerProfileSessions")
            .WithSummary("The sessions of the working copy a speaker is on (within the token's editions), in time order; unplaced ones last.")
            .RequireAuthorization(read)
            .Produces<IReadOnlyList<WorkingSessionDto>>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("", CreateAsync).WithName("CreateSpeakerProfile")
            .WithSummary("Creates a speaker's profile with the organizer form's rules (a blank slug is made from the Latin name); editions must be within the token's reach. Unknown fields are refused.")
            .RequireAuthorization(write)
            .Accepts<SpeakerInputDto>("application/json")
            .Produces<SpeakerRecordDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        api.MapPatch("/{id:int}", UpdateAsync).WithName("UpdateSpeakerProfile")
            .WithSummary("Changes a speaker's profile (JSON merge patch: fields sent replace, null clears, lists are replaced whole); editions outside the token's reach are kept as they are. With If-Match, refused with 412 if it changed since.")
            .RequireAuthorization(write)
            .Accepts<SpeakerInputDto>("application/json", "application/merge-patch+json")
            .Produces<SpeakerRecordDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
    }

    /// <summary>The version of a profile as the API shows it: changes whenever it is saved.</summary>
    public static string ETag(Speaker speaker)
    {
        ArgumentNullException.ThrowIfNull(speaker);
        return $"\"s{speaker.Id.ToString(CultureInfo.InvariantCulture)}-{speaker.UpdatedAt.UtcTicks.ToString(CultureInfo.InvariantCulture)}\"";
    }

    private static async Task<IResult> ListAsync(string? edition, string? after, string? limit, HttpContext context, ClaimsPrincipal user, ApiQueries queries, CancellationToken cancellationToken)
    {
        var (start, size, errors) = ApiRequest.Paging(after, limit);
        var editionId = ApiRequest.OptionalId("edition", edition, errors);
        var reach = OrganizerApi.Reach(user);
        if (editionId is int e && !reach.Includes(e))
        {
            errors["edition"] = [ApiQueries.Reasons.EditionOutOfReach];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var rows = await queries.SpeakersAsync(reach, editionId, start, size, cancellationToken);
        var items = rows.Take(size).Select(SpeakerRecordDto.From).ToList();
        return TypedResults.Ok(new SpeakerPageDto(items, ApiRequest.Next(context, Path, items.LastOrDefault()?.Id ?? 0, size, rows.Count > size, new() { ["edition"] = edition })));
    }

    private static async Task<IResult> OneAsync(int id, HttpContext context, ClaimsPrincipal user, ApiQueries queries, CancellationToken cancellationToken)
    {
        var speaker = await queries.SpeakerAsync(OrganizerApi.Reach(user), id, cancellationToken);
        if (speaker is null)
        {
            return ApiRequest.NotFound(NoSpeaker);
        }

        var etag = ETag(speaker);
        context.Response.Headers.ETag = etag;
        return context.Request.Headers.IfNoneMatch.Contains(etag) ? TypedResults.StatusCode(StatusCodes.Status304NotModified) : TypedResults.Ok(SpeakerRecordDto.From(speaker));
    }

    private static async Task<IResult> SessionsAsync(int id, ClaimsPrincipal user, ApiQueries queries, CancellationToken cancellationToken)
    {
        var reach = OrganizerApi.Reach(user);
        return await queries.SpeakerAsync(reach, id, cancellationToken) is null
            ? ApiRequest.NotFound(NoSpeaker)
            : TypedResults.Ok((await queries.SpeakerSessionsAsync(reach, id, cancellationToken)).Select(WorkingSessionDto.From).ToList());
    }

    private static async Task<IResult> CreateAsync(SpeakerInputDto body, HttpContext context, ClaimsPrincipal user, SaveSpeaker save, ApiQueries queries, CancellationToken cancellationToken)
    {
        var reach = OrganizerApi.Reach(user);
        var editions = body.Editions ?? [];
        if (reach.Editions is not null && editions.Count == 0)
        {
            return ApiRequest.Invalid("editions", "A token for some editions lists a new speaker for at least one of them.");
        }

        return await SaveAsync(null, body, editions, null, context, reach, save, queries, cancellationToken);
    }

    private static async Task<IResult> UpdateAsync(
        int id, JsonObject body, HttpContext context, ClaimsPrincipal user, SaveSpeaker save, ApiQueries queries, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, CancellationToken cancellationToken)
    {
        var reach = OrganizerApi.Reach(user);
        var speaker = await queries.SpeakerAsync(reach, id, cancellationToken);
        if (speaker is null)
        {
            return ApiRequest.NotFound(NoSpeaker);
        }

        DateTimeOffset? expected = null;
        var ifMatch = context.Request.Headers.IfMatch.ToString();
        if (ifMatch.Length > 0 && ifMatch != "*")
        {
            var prefix = $"\"s{id.ToString(CultureInfo.InvariantCulture)}-";
            var value = ifMatch.Trim();
            if (!value.StartsWith(prefix, StringComparison.Ordinal) || !value.EndsWith('"')
                || !long.TryParse(value[prefix.Length..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) || ticks is <= 0 || ticks >= DateTimeOffset.MaxValue.UtcTicks)
            {
                return ApiRequest.Problem(StatusCodes.Status412PreconditionFailed, "Precondition failed", "If-Match is not an ETag of this speaker; read it again.");
            }

            expected = new DateTimeOffset(ticks, TimeSpan.Zero);
        }

        var current = SpeakerRecordDto.From(speaker);
        var (input, invalid) = ApiRequest.MergePatch(SpeakerInputDto.From(current), body, json.Value.SerializerOptions, "a speaker's profile");
        if (invalid is not null)
        {
            return invalid;
        }

        // The token changes only the editions it reaches; the others stay as they are.
        var asked = input!.Editions ?? [];
        var editions = reach.Editions is null ? asked : [.. current.Editions.Where(e => !reach.Includes(e)), .. asked];
        return await SaveAsync(id, input, editions, expected, context, reach, save, queries, cancellationToken);
    }

    private static async Task<IResult> SaveAsync(
        int? id, SpeakerInputDto input, IReadOnlyList<int> editions, DateTimeOffset? expected, HttpContext context, ApiReach reach, SaveSpeaker save, ApiQueries queries, CancellationToken cancellationToken)
    {
        var asked = input.Editions ?? [];
        if (asked.Any(e => !reach.Includes(e)) || (await queries.EditionsAsync(reach, cancellationToken)).Select(e => e.Id).Intersect(asked).Count() != asked.Distinct().Count())
        {
            return ApiRequest.Invalid("editions", "Each edition must exist and be within this token's reach.");
        }

        var (details, unreadable) = input.ToDetails();
        if (details is null)
        {
            return Refused(unreadable);
        }

        var result = await save.RunAsync(id, details, editions.Distinct().ToList(), expected, cancellationToken);
        if (!result.Saved)
        {
            if (result.Refusals.FirstOrDefault(r => r.Field == SaveSpeaker.VersionField) is { } stale)
            {
                return ApiRequest.Problem(StatusCodes.Status412PreconditionFailed, "Precondition failed", stale.Message);
            }

            return result.Refusals.Any(r => r.Field.Length == 0) ? ApiRequest.NotFound(result.Refusals[0].Message) : Refused(result.Refusals);
        }

        var saved = (await queries.SpeakerAsync(ApiReach.All, result.SpeakerId!.Value, cancellationToken))!;
        context.Response.Headers.ETag = ETag(saved);
        var dto = SpeakerRecordDto.From(saved);
        return id is null ? TypedResults.Created($"{Path}/{saved.Id.ToString(CultureInfo.InvariantCulture)}", dto) : TypedResults.Ok(dto);
    }

    private static ValidationProblem Refused(IReadOnlyList<Refusal> refusals) =>
        TypedResults.ValidationProblem(refusals.GroupBy(r => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(r.Field))
            .ToDictionary(g => g.Key, g => g.Select(r => r.Format(CultureInfo.InvariantCulture)).ToArray()));
}
