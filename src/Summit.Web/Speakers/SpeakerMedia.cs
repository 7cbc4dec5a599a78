using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using Summit.Core.Accounts;
using Summit.Core.Data;
using Summit.Core.Photos;
using Summit.Core.Speakers;

namespace Summit.Web.Speakers;

/// <summary>
/// <c>/media/speakers/{key}/{large|square}</c>: an approved photo for everyone, cached for a year (a new upload gets a
/// new key); a photo waiting for review only for organizers; anything else is 404.
/// </summary>
public static class SpeakerMedia
{
    public static string Url(string key, PhotoVariant variant) => $"/media/speakers/{key}/{variant.ToString().ToLowerInvariant()}";

    public static IEndpointRouteBuilder MapSpeakerMedia(this IEndpointRouteBuilder app)
    {
        app.MapGet("/media/speakers/{key}/{variant}", ServeAsync).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> ServeAsync(string key, string variant, SummitDbContext db, IPhotoStore store, HttpContext http, CancellationToken cancellationToken)
    {
        if (!PhotoFiles.TryParse(key, variant, out var size))
        {
            return Results.NotFound();
        }

        var status = await db.SpeakerPhotos.AsNoTracking().Where(p => p.Key == key).Select(p => (PhotoStatus?)p.Status).FirstOrDefaultAsync(cancellationToken);
        var organizer = http.User.IsInRole(Roles.Organizer);
        if (status is not PhotoStatus.Approved && !(organizer && status is not null))
        {
            return Results.NotFound();
        }

        if (await store.OpenReadAsync(key, size, cancellationToken) is not { } open)
        {
            return Results.NotFound();
        }

        http.Response.Headers.CacheControl = status == PhotoStatus.Approved ? "public, max-age=31536000, immutable" : "private, no-store";
        return Hosting.StoredFileResults.Serve(open, "image/jpeg");
    }
}
