using System.IO.Compression;
using Summit.Core.Registrations;
using Summit.Jobs.Badges;
using UglyToad.PdfPig;

namespace Summit.Jobs.Tests.Badges;

/// <summary>
/// Print runs longer than one part: the parts are joined into one PDF in order, nothing lost, nothing left behind; runs
/// longer than a file are a ZIP of PDFs of a ream each.
/// </summary>
public sealed class BadgeSheetPdfTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("summit-sheets-");

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public void Dispose() => folder.Delete(recursive: true);

    /// <summary>Badges in both scripts and Cyrillic, "Guest 0000" onwards (also the preflight tests' badges).</summary>
    internal static IEnumerable<BadgeData> Badges(int count) => Enumerable.Range(0, count).Select(i => new BadgeData(
        "CCI-FS 2021", "2021峰会", "5–6 November 2021", "2021年11月5日至6日", "Delegate", "代表", "#ffee00",
        "曾刚", $"Guest {i:D4}", null, "Сбербанк", $"S1.token-{i}", "K7PM-3XWQ"));

    [Fact]
    public async Task Four_hundred_and_ten_badges_in_three_parts_make_one_PDF_of_103_A4_sheets_in_order()
    {
        var path = Path.Combine(folder.FullName, "run.pdf");
        var reported = new List<int>();

        var written = await BadgeSheetPdf.WriteAsync(Badges(410), 410, BadgeSheetLayout.FourPerA4, "Badges", path, done =>
        {
            reported.Add(done);
            return Task.CompletedTask;
        }, Cancel);

        Assert.Equal(410, written);
        Assert.Equal(410, reported[^1]);
        Assert.Equal(reported.Order(), reported);
        Assert.Contains(BadgeSheetPdf.PartSize, reported);
        Assert.Equal(["run.pdf"], folder.GetFiles().Select(f => f.Name));
        using var pdf = PdfDocument.Open(path);
        var pages = pdf.GetPages().ToList();
        Assert.Equal(103, pages.Count);
        Assert.All(pages, p => Assert.Equal((BadgeSheetPdf.A4Width, BadgeSheetPdf.A4Height), (Math.Round(p.Width, 2), Math.Round(p.Height, 2))));
        string Text(int page) => string.Concat(pages[page].Letters.Select(l => l.Value)).Replace(" ", "", StringComparison.Ordinal);
        Assert.All(Enumerable.Range(0, 103), i => Assert.Contains("曾刚", Text(i), StringComparison.Ordinal));
        Assert.Contains("Guest0000", Text(0), StringComparison.Ordinal);
        Assert.Contains("Guest0003", Text(0), StringComparison.Ordinal);
        // The first badge of the second part is the first on sheet 51.
        Assert.Contains("Guest0200", Text(50), StringComparison.Ordinal);
        Assert.Contains("Guest0409", Text(102), StringComparison.Ordinal);
        Assert.Contains("Сбербанк", Text(102), StringComparison.Ordinal);
        Assert.DoesNotContain("?", Text(102), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_run_longer_than_a_file_is_a_ZIP_of_PDFs_of_a_ream_each_in_order()
    {
        var total = (2 * BadgeSheetPdf.FileSize) + 10;
        var path = Path.Combine(folder.FullName, "long-run.zip");
        var reported = new List<int>();

        var written = await BadgeSheetPdf.WriteAsync(Badges(total), total, BadgeSheetLayout.FourPerA4, "Badges", path, done =>
        {
            reported.Add(done);
            return Task.CompletedTask;
        }, Cancel);

        Assert.Equal(total, written);
        Assert.Equal(reported.Order(), reported);
        Assert.Equal(total, reported[^1]);
        Assert.Equal(["long-run.zip"], folder.GetFiles().Select(f => f.Name));
        using var zip = await ZipFile.OpenReadAsync(path, Cancel);
        Assert.Equal(["long-run-1-of-3.pdf", "long-run-2-of-3.pdf", "long-run-3-of-3.pdf"], zip.Entries.Select(e => e.FullName));
        var expected = new[] { (BadgeSheetPdf.FileSize / 4, "Guest0000", "Guest1999"), (BadgeSheetPdf.FileSize / 4, "Guest2000", "Guest3999"), (3, "Guest4000", "Guest4009") };
        foreach (var (entry, (sheets, first, last)) in zip.Entries.Zip(expected))
        {
            using var copy = new MemoryStream();
            await using (var stream = await entry.OpenAsync(Cancel))
            {
                await stream.CopyToAsync(copy, Cancel);
            }

            using var pdf = PdfDocument.Open(copy.ToArray());
            Assert.Equal(sheets, pdf.NumberOfPages);
            string Text(int page) => string.Concat(pdf.GetPage(page).Letters.Select(l => l.Value)).Replace(" ", "", StringComparison.Ordinal);
            Assert.Contains(first, Text(1), StringComparison.Ordinal);
            Assert.Contains(last, Text(sheets), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_A4_sheet_keeps_a_margin_office_printers_do_not_clip_and_its_cut_marks_stay_in_it()
    {
        var path = Path.Combine(folder.FullName, "office.pdf");
        await BadgeSheetPdf.WriteAsync(Badges(4), 4, BadgeSheetLayout.FourPerA4, "Badges", path, _ => Task.CompletedTask, Cancel);
        using var pdf = PdfDocument.Open(path);
        var page = pdf.GetPage(1);
        const double m = BadgeSheetPdf.SheetMargin;
        var (right, top) = (m + (2 * BadgePdf.Width * BadgeSheetPdf.SheetScale), BadgeSheetPdf.A4Height - m - (2 * BadgePdf.Height * BadgeSheetPdf.SheetScale));

        // Everything printed lies 6 mm or more inside the sheet's edge...
        Assert.All(page.Letters, l => Assert.True(l.BoundingBox.Left >= m && l.BoundingBox.Right <= BadgeSheetPdf.A4Width - m, $"'{l.Value}' at {l.BoundingBox.Left:0.#}"));
        // ...and the cut marks only in that margin, never across a badge.
        var marks = page.Paths.Where(p => p.IsStroked && p.LineWidth < 0.5).SelectMany(p => p).SelectMany(sub => sub.Commands.OfType<UglyToad.PdfPig.Core.PdfSubpath.Line>()).ToList();
        Assert.Equal(12, marks.Count);
        Assert.All(marks, l => Assert.True(
            Math.Max(l.From.X, l.To.X) <= m || Math.Min(l.From.X, l.To.X) >= right || Math.Max(l.From.Y, l.To.Y) <= top || Math.Min(l.From.Y, l.To.Y) >= BadgeSheetPdf.A4Height - m,
            $"A mark at ({l.From.X:0.#}, {l.From.Y:0.#})–({l.To.X:0.#}, {l.To.Y:0.#}) crosses the badges."));
    }

    [Fact]
    public async Task One_badge_per_page_gives_A6_pages_and_an_empty_run_is_one_blank_page()
    {
        var path = Path.Combine(folder.FullName, "printer.pdf");
        Assert.Equal(3, await BadgeSheetPdf.WriteAsync(Badges(3), 3, BadgeSheetLayout.OnePerPage, "Badges", path, _ => Task.CompletedTask, Cancel));
        using (var pdf = PdfDocument.Open(path))
        {
            Assert.Equal(3, pdf.NumberOfPages);
            Assert.All(pdf.GetPages(), p => Assert.Equal(BadgePdf.MediaWidth, p.Width, 1));
        }

        var empty = Path.Combine(folder.FullName, "empty.pdf");
        Assert.Equal(0, await BadgeSheetPdf.WriteAsync([], 0, BadgeSheetLayout.FourPerA4, "Badges", empty, _ => Task.CompletedTask, Cancel));
        using var blank = PdfDocument.Open(empty);
        Assert.Equal(1, blank.NumberOfPages);
    }

    [Fact]
    public async Task A_run_that_fails_half_way_leaves_the_previous_file_and_no_parts()
    {
        var path = Path.Combine(folder.FullName, "kept.pdf");
        await File.WriteAllTextAsync(path, "previous", Cancel);
        IEnumerable<BadgeData> Failing()
        {
            foreach (var badge in Badges(250))
            {
                yield return badge;
            }

            throw new InvalidOperationException("database went away");
        }

        await Assert.ThrowsAsync<InvalidOperationException>(() => BadgeSheetPdf.WriteAsync(Failing(), 250, BadgeSheetLayout.FourPerA4, "Badges", path, _ => Task.CompletedTask, Cancel));

        Assert.Equal("previous", await File.ReadAllTextAsync(path, Cancel));
        Assert.Equal(["kept.pdf"], folder.GetFiles().Select(f => f.Name));
    }
}
