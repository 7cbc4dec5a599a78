using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Summit.Web.Hosting;

/// <summary>
/// A CSV download written straight to the response as its rows are read (UTF-8 with a byte-order mark, so
/// spreadsheet programs read the Chinese names correctly): memory stays flat however many rows there are. The
/// status and headers go first, so a failure part-way ends the download short and is logged, never a page.
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
