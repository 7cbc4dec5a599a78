using System.IO.Compression;
using Summit.Core.Registrations;
using Summit.Jobs.Badges;
using Summit.Testing;

namespace Summit.Jobs.Tests.Badges;

/// <summary>Every PDF Summit makes passes `qpdf --check` with no warning (issue 18: every file warned, once per page).</summary>
public sealed class PdfPreflightTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("summit-preflight-");

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public void Dispose() => folder.Delete(recursive: true);

    [Fact]
    public async Task A_badge_passes_qpdf_check_with_no_warning()
    {
        using var output = new MemoryStream();
        BadgePdf.Render(BadgeSheetPdfTests.Badges(1).Single(), output);

        var (exit, report) = await Qpdf.CheckAsync(output.ToArray());

        Assert.True(exit == 0, report);
    }

    [Fact]
    public async Task Every_file_of_a_print_run_passes_qpdf_check_with_no_warning()
    {
        var total = BadgeSheetPdf.FileSize + 210;
        var path = Path.Combine(folder.FullName, "run.zip");
        await BadgeSheetPdf.WriteAsync(BadgeSheetPdfTests.Badges(total), total, BadgeSheetLayout.FourPerA4, "Badges", path, _ => Task.CompletedTask, Cancel);

        using var zip = await ZipFile.OpenReadAsync(path, Cancel);
        Assert.Equal(2, zip.Entries.Count);
        foreach (var entry in zip.Entries)
        {
            using var copy = new MemoryStream();
            await using (var stream = await entry.OpenAsync(Cancel))
            {
                await stream.CopyToAsync(copy, Cancel);
            }

            var (exit, report) = await Qpdf.CheckAsync(copy.ToArray());
            Assert.True(exit == 0, $"{entry.FullName}: {report}");
        }
    }
}
