using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;
using Summit.Core.Registrations;
using Summit.Jobs.Pdf;

namespace Summit.Jobs.Badges;

/// <summary>
/// A print run as one PDF: four A6 badges per A4 sheet with cut marks, or one badge per A6 page for a badge printer.
/// PDFsharp holds a document whole until it is saved, every page's drawing uncompressed, so a run is drawn in parts of
/// <see cref="PartSize"/> badges, each saved (compressed) to a file of its own as soon as it is full, and the parts are
/// then joined page by page: memory follows the size of a part and of the compressed result, not of the drawing.
/// </summary>
public static class BadgeSheetPdf
{
    /// <summary>Badges per part: 50 A4 sheets. A multiple of four, so no sheet is split between parts.</summary>
    public const int PartSize = 200;

    private const int ProgressEvery = 25;

    /// <summary>A4, in points. Two A6 badges wide and (within a millimetre) two high.</summary>
    public const double A4Width = 595.28;

    public const double A4Height = 841.89;

    /// <summary>
    /// Writes the badges to <paramref name="path"/> (replaced whole at the end, never half-written), reporting the
    /// number drawn every few badges. Returns the number of badges written. An empty run is one blank page.
    /// </summary>
    public static async Task<int> WriteAsync(IEnumerable<BadgeData> badges, BadgeSheetLayout layout, string title, string path, Func<int, Task> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(badges);
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(progress);
        PdfFonts.Install();
        RemoveAbandonedParts(path);
        var stem = $"{path}.{Guid.NewGuid():N}";
        var parts = new List<string>();
        try
        {
            var done = 0;
            using var source = badges.GetEnumerator();
            var more = source.MoveNext();
            while (more)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var part = $"{stem}.part{parts.Count}.tmp";
                parts.Add(part);
                using (var document = new PdfDocument())
                {
                    XGraphics? graphics = null;
                    for (var i = 0; i < PartSize && more; i++, more = source.MoveNext())
                    {
                        var slot = layout == BadgeSheetLayout.OnePerPage ? 0 : i % 4;
                        if (slot == 0)
                        {
                            Finish(graphics, layout);
                            var page = document.AddPage();
                            page.Width = XUnit.FromPoint(layout == BadgeSheetLayout.OnePerPage ? BadgePdf.Width : A4Width);
                            page.Height = XUnit.FromPoint(layout == BadgeSheetLayout.OnePerPage ? BadgePdf.Height : A4Height);
                            graphics = XGraphics.FromPdfPage(page);
                        }

                        BadgePdf.Draw(graphics!, source.Current, (slot % 2) * BadgePdf.Width, (slot / 2) * BadgePdf.Height);
                        if (++done % ProgressEvery == 0)
                        {
                            await progress(done);
                        }
                    }

                    Finish(graphics, layout);
                    document.Save(part);
                }

                await progress(done);
            }

            var joined = $"{stem}.tmp";
            parts.Add(joined);
            using (var output = new PdfDocument())
            {
                output.Info.Title = title;
                output.Info.Author = "CCI-FS Summit";
                foreach (var part in parts.Take(parts.Count - 1))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    using var input = PdfReader.Open(part, PdfDocumentOpenMode.Import);
                    foreach (var page in input.Pages)
                    {
                        output.AddPage(page);
                    }
                }

                if (output.PageCount == 0)
                {
                    output.AddPage();
                }

                output.Save(joined);
            }

            File.Move(joined, path, overwrite: true);
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

    /// <summary>
    /// Deletes the parts of an earlier attempt at this file that died without cleaning up (a killed process): named
    /// after the file, and untouched for an hour, so a run still writing is never disturbed.
    /// </summary>
    private static void RemoveAbandonedParts(string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var cutoff = DateTime.UtcNow.AddHours(-1);
        foreach (var stale in Directory.EnumerateFiles(folder, $"{Path.GetFileName(path)}.*.tmp"))
        {
            if (File.GetLastWriteTimeUtc(stale) < cutoff)
            {
                File.Delete(stale);
            }
        }
    }

    /// <summary>Closes a page; on an A4 sheet, draws the cut marks where the four badges meet.</summary>
    private static void Finish(XGraphics? graphics, BadgeSheetLayout layout)
    {
        if (graphics is null)
        {
            return;
        }

        if (layout == BadgeSheetLayout.FourPerA4)
        {
            var pen = new XPen(XColors.Gray, 0.4);
            const double mark = 12;
            var w = BadgePdf.Width;
            var h = BadgePdf.Height;
            graphics.DrawLine(pen, w, 0, w, mark);
            graphics.DrawLine(pen, w, (2 * h) - mark, w, 2 * h);
            graphics.DrawLine(pen, 0, h, mark, h);
            graphics.DrawLine(pen, (2 * w) - mark, h, 2 * w, h);
            graphics.DrawLine(pen, w - mark, h, w + mark, h);
            graphics.DrawLine(pen, w, h - mark, w, h + mark);
        }

        graphics.Dispose();
    }
}
