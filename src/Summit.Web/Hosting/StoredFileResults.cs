using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using Summit.Core.Files;

namespace Summit.Web.Hosting;

/// <summary>
/// A file from the file store as a download: streamed (the store's stream seeks, so Range requests are answered
/// without reading the rest), with the store's ETag and date for If-None-Match, If-Modified-Since and If-Range.
/// </summary>
public static class StoredFileResults
{
    public static IResult Serve((StoredFile File, Stream Content) open, string contentType, string? downloadName = null) =>
        Results.Stream(open.Content, contentType, downloadName, open.File.LastModified, new EntityTagHeaderValue(open.File.ETag), enableRangeProcessing: true);

    public static FileStreamResult ServeFile((StoredFile File, Stream Content) open, string contentType, string? downloadName = null) =>
        new(open.Content, contentType)
        {
            FileDownloadName = downloadName,
            LastModified = open.File.LastModified,
            EntityTag = new EntityTagHeaderValue(open.File.ETag),
            EnableRangeProcessing = true,
        };
}
