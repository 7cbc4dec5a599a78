using PdfSharp.Drawing;
using PdfSharp.Pdf;
using QRCoder;
using Summit.Jobs.Pdf;

namespace Summit.Jobs.Badges;

/// <summary>What a badge shows, and nothing else: no database, no clock, so a test can open the bytes and read it.</summary>
public sealed record BadgeData(
    string EditionEn,
    string EditionZh,
    string DatesEn,
    string DatesZh,
    string CategoryEn,
    string CategoryZh,
    string Colour,
    string? NameZh,
    string? NameLatin,
    string? Position,
    string? Organisation,
    string Token,
    string? ShortCode = null);

/// <summary>
/// An A6 portrait badge: the category's colour band and name, the Chinese and the Latin name large (shrunk to fit long
/// names), position and organisation, the edition with its dates, and the QR code of the signed check-in token drawn
/// as vector squares (sharp at any printer resolution; PDFsharp refuses QRCoder's 1-bit PNG anyway).
/// </summary>
public static class BadgePdf
{
    /// <summary>A6: 105 × 148 mm in points.</summary>
    public const double Width = 297.64;

    public const double Height = 419.53;

    private const double Margin = 18;

    /// <summary>3 mm of bleed: the colour band runs into it, so a cut a little off the line leaves no white edge.</summary>
    public const double Bleed = 8.5;

    /// <summary>6 mm beyond the bleed, where the cut marks stand (outside the trim and the bleed, as print shops expect).</summary>
    public const double Slug = 17;

    /// <summary>The page of a print-ready badge: the A6 trim with its bleed and the marks' margin on every side.</summary>
    public const double MediaWidth = Width + (2 * (Bleed + Slug));

    public const double MediaHeight = Height + (2 * (Bleed + Slug));

    /// <summary>
    /// Makes <paramref name="page"/> a print-ready badge page: the media with bleed and marks, the TrimBox the A6 badge,
    /// the BleedBox 3 mm around it; then draws the badge, its band into the bleed, and the cut marks in the slug.
    /// </summary>
    public static void DrawPrintReady(PdfPage page, XGraphics graphics, BadgeData badge)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(graphics);
        const double at = Bleed + Slug;
        page.TrimBox = new PdfRectangle(new XRect(at, at, Width, Height));
        page.BleedBox = new PdfRectangle(new XRect(at - Bleed, at - Bleed, Width + (2 * Bleed), Height + (2 * Bleed)));
        Draw(graphics, badge, at, at, Bleed);
        var pen = new XPen(XColors.Black, 0.25);
        foreach (var x in new[] { at, at + Width })
        {
            graphics.DrawLine(pen, x, 1, x, Slug - 1);
            graphics.DrawLine(pen, x, MediaHeight - Slug + 1, x, MediaHeight - 1);
        }

        foreach (var y in new[] { at, at + Height })
        {
            graphics.DrawLine(pen, 1, y, Slug - 1, y);
            graphics.DrawLine(pen, MediaWidth - Slug + 1, y, MediaWidth - 1, y);
        }
    }

    public static void Render(BadgeData badge, Stream output)
    {
        ArgumentNullException.ThrowIfNull(badge);
        ArgumentNullException.ThrowIfNull(output);
        PdfFonts.Install();
        using var document = new PdfDocument();
        document.Info.Title = $"{badge.NameLatin ?? badge.NameZh} · {badge.EditionEn}";
        document.Info.Author = "CCI-FS Summit";
        var page = document.AddPage();
        page.Width = XUnit.FromPoint(MediaWidth);
        page.Height = XUnit.FromPoint(MediaHeight);
        using (var graphics = XGraphics.FromPdfPage(page))
        {
            DrawPrintReady(page, graphics, badge);
        }

        PdfOutput.Save(document, output);
    }

    /// <summary>
    /// Draws one badge with its top-left corner at (x, y): a page of its own, or a quarter of an A4 sheet. With a
    /// <paramref name="bleed"/>, the colour band runs that far past the top and sides.
    /// </summary>
    public static void Draw(XGraphics graphics, BadgeData badge, double x, double y, double bleed = 0)
    {
        ArgumentNullException.ThrowIfNull(graphics);
        ArgumentNullException.ThrowIfNull(badge);
        var text = new PdfText(graphics);
        var colour = Colour(badge.Colour);
        var inner = Width - (2 * Margin);

        graphics.DrawRectangle(new XSolidBrush(colour), x - bleed, y - bleed, Width + (2 * bleed), 70 + bleed);
        // White on the band, or black on a light colour an organizer chose.
        var onBand = Core.Registrations.BadgeColours.NeedsDarkText(badge.Colour) ? XBrushes.Black : XBrushes.White;
        text.Write(badge.CategoryEn, x + Margin, y + 14, inner, 18, bold: true, onBand);
        text.Write(badge.CategoryZh, x + Margin, y + 40, inner, 15, bold: true, onBand);

        var top = y + 86;
        if (badge.NameZh is { Length: > 0 } chinese)
        {
            top += Fitted(text, chinese, x + Margin, top, inner, 36, 16);
        }

        if (badge.NameLatin is { Length: > 0 } latin)
        {
            top += Fitted(text, latin, x + Margin, top, inner, badge.NameZh is null ? 30 : 22, 11);
        }

        top += 6;
        foreach (var line in new[] { badge.Position, badge.Organisation })
        {
            if (line is { Length: > 0 })
            {
                top += text.Write(Truncate(line, 120), x + Margin, top, inner, 10, brush: new XSolidBrush(XColor.FromArgb(0x33, 0x3b, 0x47)));
            }
        }

        const double qrSize = 112;
        var qrTop = y + Height - Margin - 56 - qrSize;
        DrawQr(graphics, badge.Token, x + ((Width - qrSize) / 2), qrTop, qrSize);
        if (badge.ShortCode is { Length: > 0 } shortCode)
        {
            // For typing at the desk when nothing can scan.
            var codeWidth = text.Width(shortCode, 9, bold: true);
            text.Write(shortCode, x + ((Width - codeWidth) / 2), qrTop + qrSize + 1, codeWidth + 2, 9, bold: true, XBrushes.Black);
        }

        var muted = new XSolidBrush(XColor.FromArgb(0x4a, 0x55, 0x66));
        var footer = y + Height - Margin - 38;
        graphics.DrawLine(new XPen(colour, 2), x + Margin, footer - 4, x + Width - Margin, footer - 4);
        footer += text.Write(badge.EditionEn, x + Margin, footer, inner, 8, bold: true, muted);
        footer += text.Write(badge.EditionZh, x + Margin, footer, inner, 8, brush: muted);
        text.Write($"{badge.DatesEn} · {badge.DatesZh}", x + Margin, footer, inner, 8, brush: muted);
    }

    /// <summary>
    /// One line at the largest size that fits the width, down to a floor, then wrapped between words; a single word
    /// wider than the badge shrinks further, since a name is never cut. Returns the height used.
    /// </summary>
    private static double Fitted(PdfText text, string value, double x, double y, double width, double size, double floor)
    {
        var words = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        while (size > 6 && ((size > floor && text.Width(value, size, bold: true) > width) || words.Any(w => text.Width(w, size, bold: true) > width)))
        {
            size -= 1;
        }

        return text.Write(value, x, y, width, size, bold: true, XBrushes.Black) + 2;
    }

    private static void DrawQr(XGraphics graphics, string payload, double x, double y, double size)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(payload, QRCodeGenerator.ECCLevel.M);
        var modules = data.ModuleMatrix;
        var cell = size / modules.Count;
        // Each row's run of dark modules is one rectangle, and all are filled at once: a third of the drawing a square
        // per module takes, which keeps a print run of thousands of badges small.
        var runs = new List<XRect>();
        for (var row = 0; row < modules.Count; row++)
        {
            var cells = modules[row];
            for (var column = 0; column < cells.Count; column++)
            {
                if (!cells[column])
                {
                    continue;
                }

                var start = column;
                while (column + 1 < cells.Count && cells[column + 1])
                {
                    column++;
                }

                // A hair taller and wider than the cells, so runs in adjacent rows print as one dark area without hairline gaps.
                runs.Add(new XRect(start, row, column - start + 1.02, 1.02));
            }
        }

        var state = graphics.Save();
        graphics.TranslateTransform(x, y);
        graphics.ScaleTransform(cell);
        graphics.DrawRectangles(XBrushes.Black, [.. runs]);
        graphics.Restore(state);
    }

    private static XColor Colour(string hex)
    {
        var value = hex.TrimStart('#');
        return value.Length == 6 && int.TryParse(value, System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture, out var rgb)
            ? XColor.FromArgb((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF)
            : XColor.FromArgb(0x0b, 0x4f, 0x8a);
    }

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..(max - 1)] + "…";
}
