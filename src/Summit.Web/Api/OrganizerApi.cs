using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Summit.Core.Api;
using Summit.Core.Editions;
using Summit.Core.Registrations;
using Summit.Web.Hosting;

namespace Summit.Web.Api;

/// <summary>
/// The organizer API (bearer tokens, <c>/api/v1</c>): editions and registrations so far. Lists come a page at a time
/// in id order with a <c>next</c> link; personal data only with the registrations scope; a token limited to some
/// editions sees nothing of the others.
/// </summary>
public static class OrganizerApi
{
    public sealed record PageDto<T>(IReadOnlyList<T> Items, string? Next);

    /// <summary>What may come with a status change: the message to the person, in the email that tells them.</summary>
    [System.Text.Json.Serialization.JsonUnmappedMemberHandling(System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow)]
    public sealed record StatusChangeDto(string? Message);

    public const long BodyLimit = 64 * 1024;

    public static void MapOrganizerApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var api = app.MapGroup("/api/v1").RequireRateLimiting(SummitWebServices.ApiRateLimit)
            // No request of this API needs more: a bigger body is refused with 413 before it is read.
            .WithMetadata(new RequestSizeLimitAttribute(BodyLimit))
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        api.MapGet("/editions", EditionsAsync).WithTags("Editions").WithName("ListEditions")
            .WithSummary("The editions the token reaches, oldest first.")
            .RequireAuthorization(ApiPolicies.AnyToken)
            .Produces<IReadOnlyList<EditionDto>>();
        api.MapGet("/editions/{id:int}", EditionAsync).WithTags("Editions").WithName("GetEdition")
            .WithSummary("One edition the token reaches.")
            .RequireAuthorization(ApiPolicies.AnyToken)
            .Produces<EditionDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        var registrations = ApiPolicies.For(ApiScopes.Registrations, ApiAccess.Read);
        api.MapGet("/registrations", RegistrationsAsync).WithTags("Registrations").WithName("ListRegistrations")
            .WithSummary("Registrations in id order, a page at a time; filter by edition, status, category and changed since (UTC); follow next for the rest.")
            .RequireAuthorization(registrations)
            .Produces<PageDto<RegistrationDto>>()
            .ProducesValidationProblem();
        api.MapGet("/registrations/{id:int}", RegistrationAsync).WithTags("Registrations").WithName("GetRegistration")
            .WithSummary("One registration, with its ETag.")
            .RequireAuthorization(registrations)
            .Produces<RegistrationDto>()
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/categories", CategoriesAsync).WithTags("Registrations").WithName("ListCategories")
            .WithSummary("The registration categories of the token's editions (or of ?edition=), in id order, with their seats.")
            .RequireAuthorization(registrations)
            .Produces<IReadOnlyList<CategoryDto>>()
            .ProducesValidationProblem();
        api.MapGet("/categories/{id:int}", CategoryAsync).WithTags("Registrations").WithName("GetCategory")
            .WithSummary("One registration category, with its seats.")
            .RequireAuthorization(registrations)
            .Produces<CategoryDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        var write = ApiPolicies.For(ApiScopes.Registrations, ApiAccess.ReadWrite);
        api.MapPatch("/categories/{id:int}", ChangeCapacityAsync).WithTags("Registrations").WithName("ChangeCategoryCapacity")
            .WithSummary("Changes a category's capacity (seats, or null for unlimited): never below the seats confirmed; more seats move the waiting list up at once. With If-Match (the ETag read, which versions the category's settings, not its seat counter), refused with 412 if they changed since.")
            .RequireAuthorization(write)
            .Accepts<CapacityDto>("application/json")
            .Produces<CategoryDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        api.MapPatch("/registrations/{id:int}", UpdateRegistrationAsync).WithTags("Registrations").WithName("UpdateRegistration")
            .WithSummary("Corrects a registration's details (JSON merge patch: the fields sent replace the current ones, null clears one, those left out stay), with the form's rules; a changed name or organisation reissues the badge. Unknown fields are refused. With If-Match, refused with 412 if it changed since.")
            .RequireAuthorization(write)
            .Accepts<RegistrationDetailsDto>("application/json", "application/merge-patch+json")
            .Produces<RegistrationDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        api.MapPost("/registrations/{id:int}/move", MoveRegistrationAsync).WithTags("Registrations").WithName("MoveRegistration")
            .WithSummary("Moves a registration to another category of its edition: it keeps a seat only if the new category has one (else the waiting list); the badge is reissued. With If-Match, refused with 412 if it changed since.")
            .RequireAuthorization(write)
            .Accepts<CategoryMoveDto>("application/json")
            .Produces<RegistrationDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        api.MapGet("/registrations/{id:int}/signups", SignupsAsync).WithTags("Registrations").WithName("ListRegistrationSignups")
            .WithSummary("The registration's sign-ups for sessions with limited seats (a seat, a place in line, or given up), in session time order.")
            .RequireAuthorization(registrations)
            .Produces<IReadOnlyList<SignupDto>>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/registrations", CreateRegistrationAsync).WithTags("Registrations").WithName("CreateRegistration")
            .WithSummary("Registers someone, with the rules of the organizer's form: a seat while there are seats, else the waiting list, or waiting for approval when the category asks for it (unless confirmWithoutApproval). The person is emailed. Unknown fields are refused.")
            .RequireAuthorization(write)
            .Accepts<NewRegistrationDto>("application/json")
            .Produces<RegistrationDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        foreach (var action in new[] { "approve", "decline", "cancel" })
        {
            api.MapPost($"/registrations/{{id:int}}/{action}", (int id, HttpContext context, ChangeRegistration change, ApiQueries queries, ClaimsPrincipal user, StatusChangeDto? body, CancellationToken cancellationToken) =>
                    ChangeStatusAsync(action, id, context, change, queries, user, body, cancellationToken))
                .WithTags("Registrations").WithName($"{char.ToUpperInvariant(action[0])}{action[1..]}Registration")
                .WithSummary(action switch
                {
                    "approve" => "Approves a registration waiting for approval: it gets a seat, or a place on the waiting list when the category is full; the person is emailed.",
                    "decline" => "Declines a registration waiting for approval; the person is emailed.",
                    _ => "Cancels a registration; a freed seat goes to the first on the waiting list; the person is emailed.",
                } + " With If-Match (the ETag read), refused with 412 if it changed since.")
                .RequireAuthorization(write)
                .Accepts<StatusChangeDto>("application/json")
                .Produces<RegistrationDto>()
                .ProducesValidationProblem()
                .ProducesProblem(StatusCodes.Status404NotFound)
                .ProducesProblem(StatusCodes.Status409Conflict)
                .ProducesProblem(StatusCodes.Status412PreconditionFailed)
                .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
                .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        }
    }

    private static async Task<Results<Ok<IReadOnlyList<CategoryDto>>, ValidationProblem>> CategoriesAsync(string? edition, ClaimsPrincipal user, ApiQueries queries, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var editionId = ApiRequest.OptionalId("edition", edition, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        return TypedResults.Ok<IReadOnlyList<CategoryDto>>((await queries.CategoriesAsync(Reach(user), editionId, cancellationToken)).Select(CategoryDto.From).ToList());
    }

    private static async Task<Results<Ok<CategoryDto>, ProblemHttpResult>> CategoryAsync(int id, HttpContext context, ClaimsPrincipal user, ApiQueries queries, CancellationToken cancellationToken)
    {
        var category = await queries.CategoryAsync(Reach(user), id, cancellationToken);
        if (category is null)
        {
            return ApiRequest.NotFound(NoCategory);
        }

        context.Response.Headers.ETag = ETag(category);
        return TypedResults.Ok(CategoryDto.From(category));
    }

    private const string NoCategory = "No category with this id is within this token's reach.";

    private const string NoRegistration = "No registration with this id is within this token's reach.";

    /// <summary>The version of a category's settings as the API shows it (the seat counter is not part of it).</summary>
    public static string ETag(RegistrationCategory category)
    {
        ArgumentNullException.ThrowIfNull(category);
        return $"\"c{category.Id.ToString(CultureInfo.InvariantCulture)}-{category.SettingsVersion()}\"";
    }

    private static async Task<IResult> ChangeCapacityAsync(int id, CapacityDto body, HttpContext context, SaveCategory save, ApiQueries queries, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var reach = Reach(user);
        var category = await queries.CategoryAsync(reach, id, cancellationToken);
        if (category is null)
        {
            return ApiRequest.NotFound(NoCategory);
        }

        string? expected = null;
        var ifMatch = context.Request.Headers.IfMatch.ToString();
        if (ifMatch.Length > 0 && ifMatch != "*")
        {
            var prefix = $"\"c{id.ToString(CultureInfo.InvariantCulture)}-";
            var value = ifMatch.Trim();
            if (!value.StartsWith(prefix, StringComparison.Ordinal) || !value.EndsWith('"') || value.Length <= prefix.Length + 1)
            {
                return ApiRequest.Problem(StatusCodes.Status412PreconditionFailed, "Precondition failed", "If-Match is not an ETag of this category; read it again.");
            }

            expected = value[prefix.Length..^1];
        }

        var refusals = await save.ChangeCapacityAsync(id, body.Capacity, expected, cancellationToken);
        if (refusals.FirstOrDefault(r => r.Field == ChangeRegistration.VersionField) is { } stale)
        {
            return ApiRequest.Problem(StatusCodes.Status412PreconditionFailed, "Precondition failed", stale.Message);
        }

        if (refusals.Count > 0)
        {
            return refusals[0].Field.Length == 0 ? ApiRequest.NotFound(refusals[0].Message) : ApiRequest.Invalid("capacity", refusals[0].Format(CultureInfo.InvariantCulture));
        }

        var changed = (await queries.CategoryAsync(reach, id, cancellationToken))!;
        context.Response.Headers.ETag = ETag(changed);
        return TypedResults.Ok(CategoryDto.From(changed));
    }

    /// <summary>The version If-Match names (null without one, or with *), or a 412 answer when it is not an ETag of this registration.</summary>
    private static (DateTimeOffset? Expected, IResult? Refused) IfMatch(HttpContext context, int id)
    {
        var ifMatch = context.Request.Headers.IfMatch.ToString();
        if (ifMatch.Length == 0 || ifMatch == "*")
        {
            return (null, null);
        }

        return ParseETag(ifMatch, id) is { } version
            ? (version, null)
            : (null, ApiRequest.Problem(StatusCodes.Status412PreconditionFailed, "Precondition failed", "If-Match is not an ETag of this registration; read it again."));
    }

    private static async Task<IResult> UpdateRegistrationAsync(
        int id, System.Text.Json.Nodes.JsonObject body, HttpContext context, ChangeRegistration change, ApiQueries queries, ClaimsPrincipal user,
        Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, CancellationToken cancellationToken)
    {
        var reach = Reach(user);
        var registration = await queries.RegistrationAsync(reach, id, cancellationToken);
        if (registration is null || registration.ErasedAt is not null)
        {
            return ApiRequest.NotFound(NoRegistration);
        }

        var (expected, refused) = IfMatch(context, id);
        if (refused is not null)
        {
            return refused;
        }

        var (details, invalid) = ApiRequest.MergePatch(RegistrationDetailsDto.From(registration), body, json.Value.SerializerOptions, "a registration's details");
        if (invalid is not null)
        {
            return invalid;
        }

        var refusals = await change.EditDetailsAsync(id, details!.ToDetails(), expected, cancellationToken);
        if (Refusal(refusals) is { } answer)
        {
            return answer;
        }

        var changed = (await queries.RegistrationAsync(reach, id, cancellationToken))!;
        context.Response.Headers.ETag = ETag(changed);
        return TypedResults.Ok(Dto(changed));
    }

    private static async Task<IResult> MoveRegistrationAsync(int id, CategoryMoveDto body, HttpContext context, ChangeRegistration change, ApiQueries queries, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var reach = Reach(user);
        if (await queries.RegistrationAsync(reach, id, cancellationToken) is null)
        {
            return ApiRequest.NotFound(NoRegistration);
        }

        var (expected, refused) = IfMatch(context, id);
        if (refused is not null)
        {
            return refused;
        }

        if (Refusal(await change.ChangeCategoryAsync(id, body.CategoryId, expected, cancellationToken)) is { } answer)
        {
            return answer;
        }

        var changed = (await queries.RegistrationAsync(reach, id, cancellationToken))!;
        context.Response.Headers.ETag = ETag(changed);
        return TypedResults.Ok(Dto(changed));
    }

    /// <summary>The answer to a refused change: 412 for a stale version, 404 when it is gone, 400 naming the fields, else 409.</summary>
    private static IResult? Refusal(IReadOnlyList<Refusal> refusals)
    {
        if (refusals.Count == 0)
        {
            return null;
        }

        if (refusals.FirstOrDefault(r => r.Field == ChangeRegistration.VersionField) is { } stale)
        {
            return ApiRequest.Problem(StatusCodes.Status412PreconditionFailed, "Precondition failed", stale.Message);
        }

        if (refusals.Any(r => r.Message == ChangeRegistration.Reasons.NotFound))
        {
            return ApiRequest.NotFound(ChangeRegistration.Reasons.NotFound);
        }

        if (refusals.FirstOrDefault(r => r.Message == ChangeRegistration.Reasons.EmailTaken) is { } taken)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Already registered", detail: taken.Message, extensions: new Dictionary<string, object?> { ["field"] = "email" });
        }

        return refusals.All(r => r.Field.Length > 0)
            ? TypedResults.ValidationProblem(refusals.GroupBy(r => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(r.Field)).ToDictionary(g => g.Key, g => g.Select(r => r.Format(CultureInfo.InvariantCulture)).ToArray()))
            : ApiRequest.Problem(StatusCodes.Status409Conflict, "Not possible now", refusals[0].Message);
    }

    private static async Task<IResult> SignupsAsync(int id, ClaimsPrincipal user, ApiQueries queries, CancellationToken cancellationToken) =>
        await queries.RegistrationAsync(Reach(user), id, cancellationToken) is null
            ? ApiRequest.NotFound(NoRegistration)
            : TypedResults.Ok(await queries.SignupsAsync(id, cancellationToken));

    private static async Task<IResult> CreateRegistrationAsync(NewRegistrationDto body, HttpContext context, RegisterAttendee register, ApiQueries queries, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var reach = Reach(user);
        if (await queries.CategoryAsync(reach, body.CategoryId, cancellationToken) is null)
        {
            return ApiRequest.Invalid("categoryId", NoCategory);
        }

        var outcome = await register.RunForOrganizerAsync(body.CategoryId, body.ToDetails(), body.ConfirmWithoutApproval, cancellationToken);
        if (outcome.Result == RegistrationResult.AlreadyRegistered && outcome.RegistrationId is int existing)
        {
            // Sent twice (a retry, a CRM sync run again): the registration that exists, not a second one.
            context.Response.Headers.Location = $"/api/v1/registrations/{existing.ToString(CultureInfo.InvariantCulture)}";
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Already registered",
                detail: "This email address is already registered for this edition; the Location header names that registration.",
                extensions: new Dictionary<string, object?> { ["field"] = "email", ["registration"] = existing });
        }

        if (outcome.RegistrationId is not int id)
        {
            return TypedResults.ValidationProblem(outcome.Refusals.GroupBy(r => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(r.Field)).ToDictionary(g => g.Key, g => g.Select(r => r.Message).ToArray()));
        }

        var made = (await queries.RegistrationAsync(reach, id, cancellationToken))!;
        context.Response.Headers.ETag = ETag(made);
        return TypedResults.Created($"/api/v1/registrations/{id.ToString(CultureInfo.InvariantCulture)}", Dto(made));
    }

    private static async Task<IResult> ChangeStatusAsync(string action, int id, HttpContext context, ChangeRegistration change, ApiQueries queries, ClaimsPrincipal user, StatusChangeDto? body, CancellationToken cancellationToken)
    {
        var reach = Reach(user);
        var registration = await queries.RegistrationAsync(reach, id, cancellationToken);
        if (registration is null)
        {
            return ApiRequest.NotFound(NoRegistration);
        }

        DateTimeOffset? expected = null;
        var ifMatch = context.Request.Headers.IfMatch.ToString();
        if (ifMatch.Length > 0 && ifMatch != "*")
        {
            if (ParseETag(ifMatch, id) is not { } version)
            {
                return ApiRequest.Problem(StatusCodes.Status412PreconditionFailed, "Precondition failed", "If-Match is not an ETag of this registration; read it again.");
            }

            expected = version;
        }

        var message = body?.Message;
        var refusals = action switch
        {
            "approve" => await change.ApproveAsync([id], message, expected, cancellationToken),
            "decline" => await change.DeclineAsync([id], message, expected, cancellationToken),
            _ => await change.CancelAsync(id, message, expected, cancellationToken),
        };
        if (refusals.FirstOrDefault(r => r.Field == ChangeRegistration.VersionField) is { } stale)
        {
            return ApiRequest.Problem(StatusCodes.Status412PreconditionFailed, "Precondition failed", stale.Message);
        }

        if (refusals.FirstOrDefault(r => r.Field == "Message") is { } tooLong)
        {
            return ApiRequest.Invalid("message", tooLong.Message);
        }

        if (refusals.FirstOrDefault(r => r.Message == ChangeRegistration.Reasons.NotFound) is not null)
        {
            return ApiRequest.NotFound(ChangeRegistration.Reasons.NotFound);
        }

        if (refusals.Count > 0)
        {
            return ApiRequest.Problem(StatusCodes.Status409Conflict, "Not possible now", refusals[0].Message);
        }

        var changed = (await queries.RegistrationAsync(reach, id, cancellationToken))!;
        context.Response.Headers.ETag = ETag(changed);
        return TypedResults.Ok(Dto(changed));
    }

    /// <summary>The version an ETag of <see cref="ETag"/> names, or null when it is not one of this registration's.</summary>
    public static DateTimeOffset? ParseETag(string etag, int id)
    {
        ArgumentNullException.ThrowIfNull(etag);
        var prefix = $"\"r{id.ToString(CultureInfo.InvariantCulture)}-";
        var value = etag.Trim();
        if (value.StartsWith("W/", StringComparison.Ordinal))
        {
            value = value[2..];
        }

        return value.StartsWith(prefix, StringComparison.Ordinal) && value.EndsWith('"')
            && long.TryParse(value[prefix.Length..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) && ticks is > 0 && ticks < DateTimeOffset.MaxValue.UtcTicks
            ? new DateTimeOffset(ticks, TimeSpan.Zero)
            : null;
    }

    /// <summary>The editions of the calling token (from its claims).</summary>
    public static ApiReach Reach(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var editions = user.FindFirstValue(ApiTokenAuthenticationHandler.EditionsClaim);
        return editions is null or "*"
            ? ApiReach.All
            : new ApiReach(editions.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList());
    }

    private static async Task<Ok<IReadOnlyList<EditionDto>>> EditionsAsync(ClaimsPrincipal user, ApiQueries queries, CancellationToken cancellationToken) =>
        TypedResults.Ok<IReadOnlyList<EditionDto>>((await queries.EditionsAsync(Reach(user), cancellationToken)).Select(Dto).ToList());

    private static async Task<Results<Ok<EditionDto>, ProblemHttpResult>> EditionAsync(int id, ClaimsPrincipal user, ApiQueries queries, CancellationToken cancellationToken)
    {
        var edition = (await queries.EditionsAsync(Reach(user), cancellationToken)).FirstOrDefault(e => e.Id == id);
        return edition is null ? ApiRequest.NotFound("No edition with this id is within this token's reach.") : TypedResults.Ok(Dto(edition));
    }

    private static async Task<Results<Ok<PageDto<RegistrationDto>>, ValidationProblem>> RegistrationsAsync(
        HttpContext context, ClaimsPrincipal user, ApiQueries queries, CancellationToken cancellationToken,
        [FromQuery] string? edition = null, [FromQuery] string? status = null, [FromQuery] string? category = null,
        [FromQuery] string? changedSince = null, [FromQuery] string? after = null, [FromQuery] string? limit = null)
    {
        var page = await queries.RegistrationsAsync(Reach(user), new RegistrationQuery(edition, status, category, changedSince, after, limit), cancellationToken);
        if (page.Refused)
        {
            return TypedResults.ValidationProblem(page.Refusals.GroupBy(r => r.Field).ToDictionary(g => g.Key, g => g.Select(r => r.Message).ToArray()));
        }

        string? next = null;
        if (page.NextAfter is { } nextAfter)
        {
            var query = context.Request.Query.Where(q => q.Key != "after").ToDictionary(q => q.Key, q => q.Value.ToString());
            query["after"] = nextAfter.ToString(CultureInfo.InvariantCulture);
            next = Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/api/v1/registrations", query!);
        }

        return TypedResults.Ok(new PageDto<RegistrationDto>(page.Items.Select(Dto).ToList(), next));
    }

    private static async Task<IResult> RegistrationAsync(int id, HttpContext context, ClaimsPrincipal user, ApiQueries queries, CancellationToken cancellationToken)
    {
        var registration = await queries.RegistrationAsync(Reach(user), id, cancellationToken);
        if (registration is null)
        {
            return ApiRequest.NotFound(NoRegistration);
        }

        var etag = ETag(registration);
        context.Response.Headers.ETag = etag;
        return context.Request.Headers.IfNoneMatch.Contains(etag) ? TypedResults.StatusCode(StatusCodes.Status304NotModified) : TypedResults.Ok(Dto(registration));
    }

    /// <summary>The version of a registration as the API shows it: changes whenever it is saved.</summary>
    public static string ETag(Registration registration)
    {
        ArgumentNullException.ThrowIfNull(registration);
        return $"\"r{registration.Id}-{registration.UpdatedAt.UtcTicks.ToString(CultureInfo.InvariantCulture)}\"";
    }

    private static EditionDto Dto(Edition e) => EditionDto.From(e);

    private static RegistrationDto Dto(Registration r) => RegistrationDto.From(r);
}
