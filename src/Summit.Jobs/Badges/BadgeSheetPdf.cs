using System.Globalization;
using System.IO.Compression;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;
using Summit.Core.Registrations;
using Summit.Jobs.Pdf;

namespace Summit.Jobs.Badges;

/// <summary>
/// A print run: four A6 badges per A4 sheet with cut marks, or one badge per A6 page for a badge printer. A run of up to
/// <see cref="FileSize"/> badges is one PDF; a longer one is a ZIP of PDFs of <see cref="FileSize"/> badges each, so
/// memory stays that of one file whatever the run's length (PDFsharp holds a document whole until it is saved).
/// Within a file, the badges are drawn in parts of <see cref="PartSize"/>, each saved (compressed) to a file of its own
/// as soon as it is full, and the parts are then joined page by page: memory follows the size of a part and of one
/// compressed file, not of the drawing.
/// </summary>
public static class BadgeSheetPdf
{
    /// <summary>Badges per part: 50 A4 sheets. A multiple of four, so no sheet is split between parts.</summary>
    public const int PartSize = 200;

    /// <summary>
    /// Badges per print file: 500 A4 sheets, a ream of paper (about 4 MB of PDF). A multiple of the part, so every file
    /// but the last is full.
    /// </summary>
    public const int FileSize = 10 * PartSize;

    private const int ProgressEvery = 25;

    /// <summary>A4, in points. Two A6 badges wide and (within a millimetre) two high.</summary>
    public const double A4Width = 595.28;

    public const double A4Height = 841.89;

    /// <summary>6 mm around the four badges of an A4 sheet, more than office printers leave unprinted.</summary>
    public const double SheetMargin = 17;

    /// <summary>The badges' size on an A4 sheet, so that two by two they fit inside the margin (about 94 %).</summary>
    public static readonly double SheetScale = Math.Min((A4Width - (2 * SheetMargin)) / (2 * BadgePdf.Width), (A4Height - (2 * SheetMargin)) / (2 * BadgePdf.Height));

    /// <summary>Whether a run of <paramref name="total"/> badges is a ZIP of PDFs rather than one PDF.</summary>
    public static bool IsZip(int total) => total > FileSize;

    /// <summary>How many print files a run of <paramref name="total"/> badges has.</summary>
    public static int FileCount(int total) => Math.Max(1, (total + FileSize - 1) / FileSize);

    /// <summary>The name of the <paramref name="number"/>th of <paramref name="count"/> files inside the ZIP.</summary>
    public static string FileName(string stem, int number, int count) =>
        string.Create(CultureInfo.InvariantCulture, $"{stem}-{number.ToString(new string('0', count.ToString(CultureInfo.InvariantCulture).Length), CultureInfo.InvariantCulture)}-of-{count}.pdf");

    /// <summary>
    /// Writes the badges to <paramref name="path"/> (replaced whole at the end, never half-written), reporting the
    /// number drawn every few badges. Returns the number of badges written. An empty run is one blank page.
    /// </summary>
    public static async Task<int> WriteAsync(IEnumerable<BadgeData> badges, int total, BadgeSheetLayout layout, string title, string path, Func<int, Task> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        var joined = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            int done;
            await using (var output = new FileStream(joined, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, useAsync: true))
            {
                done = await WriteAsync(badges.ToAsyncEnumerable(), total, layout, title, Path.GetFileNameWithoutExtension(path), output, Path.GetDirectoryName(Path.GetFullPath(path))!, progress, cancellationToken);
            }

            File.Move(joined, path, overwrite: true);
            return done;
        }
        finally
        {
            File.Delete(joined);
        }
    }

    /// <summary>
    /// Writes the <paramref name="total"/> badges into <paramref name="output"/>: one PDF, or past <see cref="FileSize"/>
    /// a ZIP of PDFs named from <paramref name="stem"/>. Parts and files are drawn in <paramref name="workFolder"/> (and
    /// removed there, whatever happens); the number drawn is reported every few badges. Returns the number written.
    /// </summary>
    public static async Task<int> WriteAsync(IAsyncEnumerable<BadgeData> badges, int total, BadgeSheetLayout layout, string title, string stem, Stream output, string workFolder, Func<int, Task> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(badges);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(progress);
        PdfFonts.Install();
        await using var source = badges.GetAsyncEnumerator(cancellationToken);
        var reader = new Reader(source, await source.MoveNextAsync());
        if (!IsZip(total))
        {
            return await WriteFileAsync(reader, int.MaxValue, layout, title, output, workFolder, 0, progress, cancellationToken);
        }

        var count = FileCount(total);
        var done = 0;
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        for (var number = 1; reader.More; number++)
        {
            var file = Path.Combine(workFolder, $"sheet-{Guid.NewGuid():N}.file{number}.tmp");
            try
            {
                await using (var stream = new FileStream(file, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, useAsync: true))
                {
                    done = await WriteFileAsync(reader, FileSize, layout, $"{title} ({number}/{count})", stream, workFolder, done, progress, cancellationToken);
                }

                // A PDF's streams are compressed already: stored as they are.
                var entry = zip.CreateEntry(FileName(stem, number, count), CompressionLevel.NoCompression);
                await using var into = await entry.OpenAsync(cancellationToken);
                await using var from = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, useAsync: true);
                await from.CopyToAsync(into, cancellationToken);
            }
            finally
            {
                File.Delete(file);
            }
        }

        return done;
    }

    /// <summary>The badges still to draw, shared by the files of a run.</summary>
    private sealed class Reader(IAsyncEnumerator<BadgeData> source, bool more)
    {
        public bool More { get; private set; } = more;

        public BadgeData Current => source.Current;

        public async Task NextAsync() => More = await source.MoveNextAsync();
    }

    /// <summary>One PDF of at most <paramref name="limit"/> badges from <paramref name="reader"/>; returns the running count.</summary>
    private static async Task<int> WriteFileAsync(Reader reader, int limit, BadgeSheetLayout layout, string title, Stream output, string workFolder, int done, Func<int, Task> progress, CancellationToken cancellationToken)
    {
        var stem = Path.Combine(workFolder, $"sheet-{Guid.NewGuid():N}");
        var parts = new List<string>();
        try
        {
            var drawn = 0;
            while (reader.More && drawn < limit)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var part = $"{stem}.part{parts.Count}.tmp";
                parts.Add(part);
                using (var document = new PdfDocument())
                {
                    XGraphics? graphics = null;
                    PdfPage? current = null;
                    for (var i = 0; i < PartSize && reader.More && drawn < limit; i++, drawn++, await reader.NextAsync())
                    {
                        var slot = layout == BadgeSheetLayout.OnePerPage ? 0 : i % 4;
                        if (slot == 0)
                        {
                            Finish(graphics, layout);
                            var page = document.AddPage();
                            page.Width = XUnit.FromPoint(layout == BadgeSheetLayout.OnePerPage ? BadgePdf.MediaWidth : A4Width);
                            page.Height = XUnit.FromPoint(layout == BadgeSheetLayout.OnePerPage ? BadgePdf.MediaHeight : A4Height);
                            graphics = XGraphics.FromPdfPage(page);
                            current = page;
                        }

                        if (layout == BadgeSheetLayout.OnePerPage)
                        {
                            BadgePdf.DrawPrintReady(current!, graphics!, reader.Current);
                        }
                        else
                        {
                            // An office printer clips the sheet's edge: the four badges are drawn a little smaller,
                            // inside a margin, with the cut marks in that margin (Finish).
                            var state = graphics!.Save();
                            graphics.TranslateTransform(SheetMargin + ((slot % 2) * BadgePdf.Width * SheetScale), SheetMargin + ((slot / 2) * BadgePdf.Height * SheetScale));
                            graphics.ScaleTransform(SheetScale);
                            BadgePdf.Draw(graphics, reader.Current, 0, 0);
                            graphics.Restore(state);
                        }

                        if (++done % ProgressEvery == 0)
                        {
                            await progress(done);
                        }
                    }

                    Finish(graphics, layout);
                    PdfOutput.Save(document, part);
                }

                await progress(done);
            }

            using (var joined = new PdfDocument())
            {
                joined.Info.Title = title;
                joined.Info.Author = "CCI-FS Summit";
                foreach (var part in parts)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    using var input = PdfReader.Open(part, PdfDocumentOpenMode.Import);
                    foreach (var page in input.Pages)
                    {
                        joined.AddPage(page);
                    }
                }

                if (joined.PageCount == 0)
                {
                    joined.AddPage();
                }

                // The parts' streams are compressed already (PdfOutput): copied as they are.
                joined.Options.NoCompression = true;
                joined.Save(output, closeStream: false);
            }

            return done;
        }
        finally
        {
            foreach (var part in parts)
            {
                File.Delete(part);
            }
        }
    }

    /// <summary>Closes a page; on an A4 sheet, draws the cut marks in the margin, outside the badges, where their edges run.</summary>
    private static void Finish(XGraphics? graphics, BadgeSheetLayout layout)
    {
        if (graphics is null)
        {
            return;
        }

        if (layout == BadgeSheetLayout.FourPerA4)
        {
            var pen = new XPen(XColors.Black, 0.25);
            var w = BadgePdf.Width * SheetScale;
            var h = BadgePdf.Height * SheetScale;
            var right = SheetMargin + (2 * w);
            var bottom = SheetMargin + (2 * h);
            foreach (var x in new[] { SheetMargin, SheetMargin + w, right })
            {
                graphics.DrawLine(pen, x, 2, x, SheetMargin - 2);
                graphics.DrawLine(pen, x, bottom + 2, x, A4Height - 2);
            }

            foreach (var y in new[] { SheetMargin, SheetMargin + h, bottom })
            {
                graphics.DrawLine(pen, 2, y, SheetMargin - 2, y);
                graphics.DrawLine(pen, right + 2, y, A4Width - 2, y);
            }
        }

        graphics.Dispose();
    }
}
