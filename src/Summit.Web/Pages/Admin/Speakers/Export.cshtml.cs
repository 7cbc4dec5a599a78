using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Summit.Core.Speakers;
using Summit.Web.Hosting;

namespace Summit.Web.Pages.Admin.Speakers;

/// <summary>All speakers as CSV (UTF-8 with a byte-order mark, so spreadsheet programs read the Chinese correctly).</summary>
public sealed class ExportModel(SpeakerCsv csv, TimeProvider clock) : PageModel
{
    public IActionResult OnGet() =>
        new CsvDownload($"summit-speakers-{clock.GetUtcNow():yyyyMMdd}.csv", (writer, cancel) => csv.ExportAsync(writer, cancel));
}
