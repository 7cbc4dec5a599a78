using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Summit.Core.Api;
using Summit.Core.Data;
using Summit.Core.Mail;
using Summit.Core.Press;
using Summit.Web.Hosting;

namespace Summit.Web.Api;

/// <summary>
/// Published articles (scope press, within the token's editions) and the mail log (scope mail; the log spans every
/// edition, so only a token that reaches all of them reads it), each a page at a time in id order.
/// </summary>
public static class PressAndMailApi
{
    public sealed record ArticleDto(
        int Id, int EditionId, string Slug, string Kind, string? HeadlineEn, string? HeadlineZh, string? LeadEn, string? LeadZh, string? BodyEn, string? BodyZh,
        string? DatelineEn, string? DatelineZh, DateTimeOffset? FirstPublishedAt, DateTimeOffset? PublishedAt, DateTimeOffset UpdatedAt, Uri Url);

    public sealed record MailDto(
        long Id, string Kind, string To, string? ToName, string Culture, string Subject, string Status, int Attempts, string? LastError, string? About,
        DateTimeOffset CreatedAt, DateTimeOffset? SentAt, string? Text);

    public sealed record Page<T>(IReadOnlyList<T> Items, string? Next);

    public static void MapPressAndMailApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var api = app.MapGroup("/api/v1").RequireRateLimiting(SummitWebServices.ApiRateLimit)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        var press = ApiPolicies.For(ApiScopes.Press, ApiAccess.Read);
        api.MapGet("/articles", ArticlesAsync).WithTags("Press").WithName("ListArticles")
            .WithSummary("Published articles of the token's editions (or of ?edition=), in id order, a page at a time; Markdown in both languages.")
            .RequireAuthorization(press)
            .Produces<Page<ArticleDto>>()
            .ProducesValidationProblem();
        api.MapGet("/articles/{id:int}", ArticleAsync).WithTags("Press").WithName("GetArticle")
            .WithSummary("One published article.")
            .RequireAuthorization(press)
            .Produces<ArticleDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        var mail = ApiPolicies.For(ApiScopes.Mail, ApiAccess.Read);
        api.MapGet("/mail", MailsAsync).WithTags("Mail log").WithName("ListMail")
            .WithSummary("The mail log in id order, a page at a time; filter by status, kind and what it is about (registration:42). Only for a token that reaches every edition.")
            .RequireAuthorization(mail)
            .Produces<Page<MailDto>>()
            .ProducesValidationProblem();
        api.MapGet("/mail/{id:long}", MailAsync).WithTags("Mail log").WithName("GetMail")
            .WithSummary("One email of the log, with its text. Only for a token that reaches every edition.")
            .RequireAuthorization(mail)
            .Produces<MailDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> ArticlesAsync(string? edition, string? after, string? limit, HttpContext context, ClaimsPrincipal user, SummitDbContext db, CancellationToken cancellationToken)
    {
        var (start, size, errors) = ApiRequest.Paging(after, limit);
        var editionId = ApiRequest.OptionalId("edition", edition, errors);

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var query = db.Articles.AsNoTracking().Where(a => a.Status == ArticleStatus.Published && a.Id > start);
        if (OrganizerApi.Reach(user).Editions is { } ids)
        {
            query = query.Where(a => ids.Contains(a.EditionId));
        }

        if (editionId is int only)
        {
            query = query.Where(a => a.EditionId == only);
        }

        var rows = await query.OrderBy(a => a.Id).Take(size + 1).ToListAsync(cancellationToken);
        var items = rows.Take(size).Select(a => Dto(a, context)).ToList();
        return TypedResults.Ok(new Page<ArticleDto>(items, ApiRequest.Next(context, "/api/v1/articles", items.LastOrDefault()?.Id ?? 0, size, rows.Count > size, new() { ["edition"] = edition })));
    }

    private static async Task<Results<Ok<ArticleDto>, ProblemHttpResult>> ArticleAsync(int id, HttpContext context, ClaimsPrincipal user, SummitDbContext db, CancellationToken cancellationToken)
    {
        var article = await db.Articles.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id && a.Status == ArticleStatus.Published, cancellationToken);
        return article is null || !OrganizerApi.Reach(user).Includes(article.EditionId)
            ? ApiRequest.NotFound("No published article with this id is within this token's reach.")
            : TypedResults.Ok(Dto(article, context));
    }

    private static ArticleDto Dto(Article a, HttpContext context) => new(
        a.Id, a.EditionId, a.Slug, a.Kind.ToString(), a.HeadlineEn, a.HeadlineZh, a.LeadEn, a.LeadZh, a.BodyEn, a.BodyZh, a.DatelineEn, a.DatelineZh,
        a.FirstPublishedAt, a.PublishedAt, a.UpdatedAt, context.PublicUri($"/news/{a.Slug}"));

    private static ProblemHttpResult AllEditionsOnly() =>
        ApiRequest.Problem(StatusCodes.Status403Forbidden, "Forbidden", "The mail log spans every edition: only a token that reaches all editions may read it.");

    private static async Task<IResult> MailsAsync(string? status, string? kind, string? about, string? after, string? limit, HttpContext context, ClaimsPrincipal user, SummitDbContext db, CancellationToken cancellationToken)
    {
        if (OrganizerApi.Reach(user).Editions is not null)
        {
            return AllEditionsOnly();
        }

        var (start, size, errors) = ApiRequest.Paging(after, limit);
        MailStatus? state = null;
        if (!string.IsNullOrEmpty(status))
        {
            if (Enum.TryParse<MailStatus>(status, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(status, out _))
            {
                state = parsed;
            }
            else
            {
                errors["status"] = ["status must be one of Queued, Sending, Sent, Failed, Cancelled."];
            }
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var query = db.OutgoingMails.AsNoTracking().Where(m => m.Id > start);
        if (state is { } s)
        {
            query = query.Where(m => m.Status == s);
        }

        if (!string.IsNullOrEmpty(kind))
        {
            query = query.Where(m => m.Kind == kind);
        }

        if (!string.IsNullOrEmpty(about))
        {
            query = query.Where(m => m.Entity == about);
        }

        var rows = await query.OrderBy(m => m.Id)
            .Select(AsDto(withText: false))
            .Take(size + 1).ToListAsync(cancellationToken);
        var items = rows.Take(size).ToList();
        return TypedResults.Ok(new Page<MailDto>(items, ApiRequest.Next(context, "/api/v1/mail", items.LastOrDefault()?.Id ?? 0, size, rows.Count > size, new() { ["status"] = status, ["kind"] = kind, ["about"] = about })));
    }

    /// <summary>An email as the log shows it; its text only when one email is asked for, not in the lists.</summary>
    private static System.Linq.Expressions.Expression<Func<OutgoingMail, MailDto>> AsDto(bool withText) => m =>
        new MailDto(m.Id, m.Kind, m.ToAddress, m.ToName, m.Culture, m.Subject, m.Status.ToString(), m.Attempts, m.LastError, m.Entity, m.CreatedAt, m.SentAt, withText ? m.TextBody : null);

    private static async Task<IResult> MailAsync(long id, ClaimsPrincipal user, SummitDbContext db, CancellationToken cancellationToken)
    {
        if (OrganizerApi.Reach(user).Editions is not null)
        {
            return AllEditionsOnly();
        }

        var mail = await db.OutgoingMails.AsNoTracking().Where(m => m.Id == id)
            .Select(AsDto(withText: true))
            .FirstOrDefaultAsync(cancellationToken);
        return mail is null
            ? ApiRequest.NotFound("No email with this id.")
            : TypedResults.Ok(mail);
    }
}
