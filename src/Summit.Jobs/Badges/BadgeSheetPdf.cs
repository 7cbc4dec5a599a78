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
        ArgumentNullException.ThrowIfNull(path);
        var joined = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            int done;
            await using (var output = new FileStream(joined, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, useAsync: true))
            {
                done = await WriteAsync(badges, layout, title, output, Path.GetDirectoryName(Path.GetFullPath(path))!, progress, cancellationToken);
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
    /// Writes the badges into <paramref name="output"/>, its parts drawn in <paramref name="workFolder"/> (and removed
    /// there, whatever happens), reporting the number drawn every few badges. Returns the number of badges written.
    /// </summary>
    public static async Task<int> WriteAsync(IEnumerable<BadgeData> badges, BadgeSheetLayout layout, string title, Stream output, string workFolder, Func<int, Task> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(badges);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(progress);
        PdfFonts.Install();
        var stem = Path.Combine(workFolder, $"sheet-{Guid.NewGuid():N}");
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
