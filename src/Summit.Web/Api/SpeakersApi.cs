using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Summit.Core.Data;
using Summit.Core.Editions;
using Summit.Core.Photos;
using Summit.Core.Speakers;
using Summit.Web.Hosting;
using Summit.Web.Speakers;

namespace Summit.Web.Api;

/// <summary>Read-only JSON for apps and partner sites: public fields only (never the contact email).</summary>
public static class SpeakersApi
{
    public const int MaxPageSize = 200;

    public sealed record PositionDto(string? TitleEn, string? TitleZh, string? OrganisationEn, string? OrganisationZh);

    public sealed record LinkDto(string Kind, string Url);

    public sealed record SpeakerDto(
        string Slug,
        string? NameZh,
        string? NameLatin,
        string? FamilyNameZh,
        string? GivenNameZh,
        string? FamilyNameLatin,
        string? GivenNameLatin,
        string? HonorificEn,
        string? HonorificZh,
        string? CountryCode,
        IReadOnlyList<PositionDto> Positions,
        string? BiographyEnHtml,
        string? BiographyZhHtml,
        IReadOnlyList<LinkDto> Links,
        IReadOnlyList<string> Editions,
        Uri Url,
        PhotoDto? Photo);

    public sealed record PhotoDto(Uri Large, Uri Square, string Credit, string? Source, string Licence);

    public sealed record SpeakerPage(IReadOnlyList<SpeakerDto> Items, int Page, int PageSize, bool HasMore);

    public static IEndpointRouteBuilder MapSpeakersApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/speakers").WithTags("Speakers");
        group.MapGet("/", ListAsync).WithName("ListSpeakers").WithSummary("Speakers, in directory order; search in either script; filter by edition.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{slug}", GetAsync).WithName("GetSpeaker").WithSummary("One speaker's public profile.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<Results<Ok<SpeakerPage>, ProblemHttpResult>> ListAsync(
        SummitDbContext db, HttpContext http, string? q, string? edition, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var size = pageSize ?? 50;
        var number = page ?? 1;
        if (size is < 1 or > MaxPageSize || number is < 1 or > 10_000 || q is { Length: > 100 })
        {
            return TypedResults.Problem(
                title: "Invalid query",
                detail: $"page must be between 1 and 10000, pageSize between 1 and {MaxPageSize}, q at most 100 characters.",
                statusCode: StatusCodes.Status400BadRequest);
        }

        var speakers = db.Speakers.AsNoTracking().Published();
        if (edition is not null)
        {
            var slug = edition.ToLowerInvariant();
            if (!await db.Editions.Public().AnyAsync(e => e.Slug == slug, cancellationToken))
            {
                return TypedResults.Problem(title: "Unknown edition", detail: $"No published edition '{edition}'.", statusCode: StatusCodes.Status404NotFound);
            }

            speakers = speakers.InEdition(slug);
        }

        var rows = await speakers.Matching(q).InDirectoryOrder()
            .Skip((number - 1) * size).Take(size + 1)
            .Include(s => s.Editions).ThenInclude(e => e.Edition)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        var chosen = rows.Take(size).ToList();
        var ids = chosen.Select(s => s.Id).ToList();
        var photos = await db.SpeakerPhotos.AsNoTracking().Where(p => ids.Contains(p.SpeakerId) && p.Status == PhotoStatus.Approved)
            .ToDictionaryAsync(p => p.SpeakerId, cancellationToken);
        var items = chosen.Select(s => ToDto(s, photos.GetValueOrDefault(s.Id), http)).ToList();
        return TypedResults.Ok(new SpeakerPage(items, number, size, rows.Count > size));
    }

    private static async Task<Results<Ok<SpeakerDto>, ProblemHttpResult>> GetAsync(SummitDbContext db, HttpContext http, string slug, CancellationToken cancellationToken)
    {
        var key = slug.ToLowerInvariant();
        var speaker = await db.Speakers.AsNoTracking().Published().Include(s => s.Editions).ThenInclude(e => e.Edition).AsSplitQuery()
            .FirstOrDefaultAsync(s => s.Slug == key, cancellationToken);
        if (speaker is null)
        {
            return TypedResults.Problem(title: "Unknown speaker", detail: $"No speaker '{slug}'.", statusCode: StatusCodes.Status404NotFound);
        }

        var photo = await db.SpeakerPhotos.AsNoTracking().FirstOrDefaultAsync(p => p.SpeakerId == speaker.Id && p.Status == PhotoStatus.Approved, cancellationToken);
        return TypedResults.Ok(ToDto(speaker, photo, http));
    }

    private static SpeakerDto ToDto(Speaker s, SpeakerPhoto? photo, HttpContext http) => new(
        s.Slug, s.NameZh, s.NameLatin, s.FamilyNameZh, s.GivenNameZh, s.FamilyNameLatin, s.GivenNameLatin, s.HonorificEn, s.HonorificZh, s.CountryCode,
        s.Positions.OrderBy(p => p.Order).Select(p => new PositionDto(p.TitleEn, p.TitleZh, p.OrganisationEn, p.OrganisationZh)).ToList(),
        s.BiographyEn is null ? null : RichText.ToSafeHtml(s.BiographyEn),
        s.BiographyZh is null ? null : RichText.ToSafeHtml(s.BiographyZh),
        s.Links.OrderBy(l => l.Order).Select(l => new LinkDto(l.Kind.ToString(), l.Url)).ToList(),
        s.Editions.Where(e => e.Edition is { Status: not EditionStatus.Draft }).Select(e => e.Edition!.Slug).Order().ToList(),
        http.PublicUri($"/speakers/{s.Slug}"),
        photo is null ? null : new PhotoDto(
            http.PublicUri(SpeakerMedia.Url(photo.Key, PhotoVariant.Large)),
            http.PublicUri(SpeakerMedia.Url(photo.Key, PhotoVariant.Square)),
            photo.Credit,
            photo.Source,
            photo.Licence));
}
