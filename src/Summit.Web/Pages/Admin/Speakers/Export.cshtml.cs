using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Summit.Core.Speakers;

namespace Summit.Web.Pages.Admin.Speakers;

/// <summary>All speakers as CSV (UTF-8 with a byte-order mark, so spreadsheet programs read the Chinese correctly).</summary>
public sealed class ExportModel(SpeakerCsv csv, TimeProvider clock) : PageModel
{
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await using (var writer = new StreamWriter(buffer, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true))
        {
            await csv.ExportAsync(writer, cancellationToken);
        }

        return File(buffer.ToArray(), "text/csv; charset=utf-8", $"summit-speakers-{clock.GetUtcNow():yyyyMMdd}.csv");
    }
}
