using System.Globalization;
using System.Text;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Summit.Jobs.Pdf;

/// <summary>
/// Writes mixed Chinese and Latin text with the bundled fonts. PDFsharp has no font fallback, so text is cut into
/// runs per script (each with its font), and wrapped by hand: Latin at spaces, Chinese between any two characters.
/// Every font uses Unicode encoding; the default (WinAnsi) turns Ł, Сбербанк and 曾 into question marks.
/// </summary>
public sealed class PdfText(XGraphics graphics)
{
    private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode);
    private readonly Dictionary<(string, double, bool), XFont> fonts = [];

    /// <summary>Whether a character (or a surrogate pair's first half) needs the CJK font.</summary>
    public static bool IsCjk(char c) =>
        c is >= '\u2E80' and <= '\u2FDF' // radicals
            or >= '\u3000' and <= '\u303F' // CJK punctuation: 、。「」
            or >= '\u3040' and <= '\u30FF' // kana
            or >= '\u3100' and <= '\u31FF'
            or >= '\u3400' and <= '\u4DBF' // extension A
            or >= '\u4E00' and <= '\u9FFF' // unified ideographs
            or >= '\uAC00' and <= '\uD7AF' // Hangul
            or >= '\uF900' and <= '\uFAFF'
            or >= '\uFE30' and <= '\uFE4F'
            or >= '\uFF00' and <= '\uFFEF' // full-width forms: ，：（）
            || char.IsHighSurrogate(c);

    /// <summary>The text cut into pieces that each stay in one font: a Latin word with its trailing space, or one CJK character.</summary>
    public static IReadOnlyList<(bool Cjk, string Text)> Atoms(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var atoms = new List<(bool, string)>();
        var word = new StringBuilder();
        void Flush()
        {
            if (word.Length > 0)
            {
                atoms.Add((false, word.ToString()));
                word.Clear();
            }
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (IsCjk(c))
            {
                Flush();
                atoms.Add((true, char.IsHighSurrogate(c) && i + 1 < text.Length ? text.Substring(i++, 2) : c.ToString()));
            }
            else if (c == '\n')
            {
                Flush();
                atoms.Add((false, "\n"));
            }
            else
            {
                word.Append(c);
                if (c == ' ')
                {
                    Flush();
                }
            }
        }

        Flush();
        return atoms;
    }

    public XFont Font(bool cjk, double size, bool bold)
    {
        var family = cjk ? PdfFonts.Cjk : PdfFonts.Sans;
        if (!fonts.TryGetValue((family, size, bold), out var font))
        {
            font = new XFont(family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, Unicode);
            fonts[(family, size, bold)] = font;
        }

        return font;
    }

    public static double LineHeight(double size) => size * 1.35;

    /// <summary>The width of the text on one line, each run in its font.</summary>
    public double Width(string text, double size, bool bold = false) =>
        Atoms(text ?? "").Where(a => a.Text != "\n").Sum(a => graphics.MeasureString(a.Text, Font(a.Cjk, size, bold)).Width);

    /// <summary>Lays the text out in a box of the given width; draws it unless <paramref name="brush"/> is null; returns the height used.</summary>
    public double Write(string text, double x, double y, double width, double size, bool bold = false, XBrush? brush = null)
    {
        var lines = Lines(text, width, size, bold);
        if (brush is not null)
        {
            var lineY = y;
            foreach (var line in lines)
            {
                var lineX = x;
                foreach (var (cjk, piece, pieceWidth) in line)
                {
                    graphics.DrawString(piece, Font(cjk, size, bold), brush, new XPoint(lineX, lineY), XStringFormats.TopLeft);
                    lineX += pieceWidth;
                }

                lineY += LineHeight(size);
            }
        }

        return lines.Count * LineHeight(size);
    }

    private List<List<(bool Cjk, string Text, double Width)>> Lines(string text, double width, double size, bool bold)
    {
        var lines = new List<List<(bool, string, double)>> { new() };
        var used = 0.0;
        foreach (var (cjk, atom) in Atoms(text ?? ""))
        {
            if (atom == "\n")
            {
                lines.Add([]);
                used = 0;
                continue;
            }

            var atomWidth = graphics.MeasureString(atom, Font(cjk, size, bold)).Width;
            if (used + atomWidth > width && lines[^1].Count > 0)
            {
                // A line never starts with the space that ended the word before it.
                lines.Add([]);
                used = 0;
            }

            var piece = lines[^1].Count == 0 ? atom.TrimStart() : atom;
            if (piece.Length == 0)
            {
                continue;
            }

            if (piece.Length != atom.Length)
            {
                atomWidth = graphics.MeasureString(piece, Font(cjk, size, bold)).Width;
            }

            lines[^1].Add((cjk, piece, atomWidth));
            used += atomWidth;
        }

        return lines.Where((line, i) => line.Count > 0 || i < lines.Count - 1).ToList() is { Count: > 0 } kept ? kept : [[]];
    }

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
