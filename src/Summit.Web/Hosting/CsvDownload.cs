using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Summit.Web.Hosting;

/// <summary>
/// A CSV download written to the response as the writer produces it (UTF-8 with a byte-order mark, so spreadsheet
/// programs read the Chinese names correctly), in 16K-character blocks: nothing is built whole in memory here, so an
/// export that reads its rows as a stream (registrations, the audit trail) stays flat however many rows there are.
/// A failure before the first block is an error page; after it, the download ends short and the error is logged.
/// The database reader stays open while a slow client downloads.
/// </summary>
public sealed class CsvDownload(string fileName, Func<TextWriter, CancellationToken, Task> write) : IActionResult
{
    public async Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.HttpContext.Response;
        response.ContentType = "text/csv; charset=utf-8";
        response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileNameStar = fileName, FileName = fileName }.ToString();
        var cancellationToken = context.HttpContext.RequestAborted;
        await using var writer = new StreamWriter(response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 16 * 1024, leaveOpen: true);
        await write(writer, cancellationToken);
        await writer.FlushAsync(cancellationToken);
    }
}
