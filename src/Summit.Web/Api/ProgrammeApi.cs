using Microsoft.AspNetCore.Http.HttpResults;
using Summit.Core.Scheduling;
using Summit.Web.Hosting;

namespace Summit.Web.Api;

/// <summary>The published programme as JSON for apps and partner sites: sessions, rooms and tracks of an edition, both languages in each record.</summary>
public static class ProgrammeApi
{
    public sealed record RoomDto(int Id, string NameEn, string NameZh, int? Capacity, string FloorLanguage, string? InterpretationChannels, string VenueEn, string VenueZh);

    public sealed record TrackDto(int Id, string NameEn, string NameZh, string Colour);

    public sealed record SessionSpeakerDto(string Slug, string? NameZh, string? NameLatin, string Role, Uri Url);

    public sealed record SessionDto(
        int Id,
        Guid Uid,
        string TitleEn,
        string TitleZh,
        string? AbstractEn,
        string? AbstractZh,
        string TypeEn,
        string TypeZh,
        int? TrackId,
        int RoomId,
        DateTimeOffset StartsAt,
        DateTimeOffset EndsAt,
        string Language,
        bool InterpretationOffered,
        int? SeatLimit,
        bool Cancelled,
        int Sequence,
        IReadOnlyList<SessionSpeakerDto> Speakers,
        Uri Url,
        Uri Calendar);

    public sealed record ProgrammeVersionDto(int Number, string Name, DateTimeOffset PublishedAt);

    public sealed record SessionList(string Edition, string TimeZone, ProgrammeVersionDto? Version, IReadOnlyList<SessionDto> Items);

    public static IEndpointRouteBuilder MapProgrammeApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/editions/{edition}").WithTags("Programme").CacheOutput(Scheduling.ProgrammeCachePolicy.Name)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/sessions", SessionsAsync).WithName("ListSessions").WithSummary("The sessions of the latest published programme, in start order; times in UTC with the edition's zone named.");
        group.MapGet("/rooms", RoomsAsync).WithName("ListRooms").WithSummary("The edition's rooms, in grid order.");
        group.MapGet("/tracks", TracksAsync).WithName("ListTracks").WithSummary("The edition's tracks with their colours.");
        return app;
    }

    private static ProblemHttpResult NoEdition(string edition) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such edition", detail: $"There is no public edition '{edition}'.");

    private static async Task<Results<Ok<SessionList>, ProblemHttpResult>> SessionsAsync(string edition, ProgrammeReader reader, Scheduling.PublicProgrammes programmes, HttpContext http, CancellationToken cancellationToken)
    {
        var programme = await programmes.LatestAsync(edition, reader, cancellationToken);
        if (programme is null)
        {
            return NoEdition(edition);
        }

        var slug = programme.Edition.Slug;
        var items = programme.Sessions.Select(s => new SessionDto(
            s.Id,
            s.Published.Uid,
            s.Published.TitleEn,
            s.Published.TitleZh,
            s.Published.AbstractEn,
            s.Published.AbstractZh,
            s.Type.NameEn,
            s.Type.NameZh,
            s.Track?.Id,
            s.Room.Id,
            s.StartsAt,
            s.EndsAt,
            s.Published.Language.ToString(),
            s.Published.InterpretationOffered,
            s.Published.SeatLimit,
            s.IsCancelled,
            s.Published.Sequence,
            s.Speakers.Select(p => new SessionSpeakerDto(p.Slug, p.NameZh, p.NameLatin, p.Role.ToString(), http.PublicUri($"/speakers/{p.Slug}"))).ToList(),
            http.PublicUri($"/{slug}/sessions/{s.Id}"),
            http.PublicUri($"/{slug}/sessions/{s.Id}.ics"))).ToList();
        var version = programme.Version is { } v ? new ProgrammeVersionDto(v.Number, v.Name, v.PublishedAt) : null;
        return TypedResults.Ok(new SessionList(slug, programme.Edition.TimeZoneId, version, items));
    }

    private static async Task<Results<Ok<IReadOnlyList<RoomDto>>, ProblemHttpResult>> RoomsAsync(string edition, ProgrammeReader reader, Scheduling.PublicProgrammes programmes, CancellationToken cancellationToken)
    {
        var programme = await programmes.LatestAsync(edition, reader, cancellationToken);
        return programme is null
            ? NoEdition(edition)
            : TypedResults.Ok<IReadOnlyList<RoomDto>>(programme.Rooms.Select(r => new RoomDto(r.Id, r.NameEn, r.NameZh, r.Capacity, r.FloorLanguage.ToString(), r.InterpretationChannels, r.VenueEn, r.VenueZh)).ToList());
    }

    private static async Task<Results<Ok<IReadOnlyList<TrackDto>>, ProblemHttpResult>> TracksAsync(string edition, ProgrammeReader reader, Scheduling.PublicProgrammes programmes, CancellationToken cancellationToken)
    {
        var programme = await programmes.LatestAsync(edition, reader, cancellationToken);
        return programme is null
            ? NoEdition(edition)
            : TypedResults.Ok<IReadOnlyList<TrackDto>>(programme.Tracks.Select(t => new TrackDto(t.Id, t.NameEn, t.NameZh, t.Colour)).ToList());
    }
}
