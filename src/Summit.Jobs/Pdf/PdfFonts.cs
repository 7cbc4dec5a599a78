using System.Reflection;
using PdfSharp.Fonts;

namespace Summit.Jobs.Pdf;

/// <summary>
/// Serves PDFsharp the fonts bundled in this assembly, never the machine's, so a badge or programme looks the same
/// on every server. "Sans" is DejaVu Sans (Latin, Cyrillic, Greek…), "Cjk" is Droid Sans Fallback (Chinese).
/// </summary>
public sealed class PdfFonts : IFontResolver
{
    public const string Sans = "Summit Sans";
    public const string Cjk = "Summit CJK";

    private static readonly Lazy<bool> Installed = new(() =>
    {
        // PDFsharp takes one process-wide resolver, settable once; every renderer calls Install first.
        GlobalFontSettings.FontResolver = new PdfFonts();
        return true;
    });

    private static readonly Dictionary<string, string> Files = new(StringComparer.Ordinal)
    {
        ["sans"] = "DejaVuSans.ttf",
        ["sans-bold"] = "DejaVuSans-Bold.ttf",
        ["cjk"] = "DroidSansFallbackFull.ttf",
    };

    private static readonly Dictionary<string, byte[]> Loaded = new(StringComparer.Ordinal);

    public static void Install() => _ = Installed.Value;

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) => familyName switch
    {
        Sans => new FontResolverInfo(bold ? "sans-bold" : "sans"),
        // Droid has no bold face: PDFsharp emboldens it when asked.
        Cjk => new FontResolverInfo("cjk", mustSimulateBold: bold, mustSimulateItalic: italic),
        _ => new FontResolverInfo(bold ? "sans-bold" : "sans"),
    };

    public byte[]? GetFont(string faceName)
    {
        if (!Files.TryGetValue(faceName, out var file))
        {
            return null;
        }

        lock (Loaded)
        {
            if (!Loaded.TryGetValue(faceName, out var bytes))
            {
                using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"Summit.Jobs.Pdf.Fonts.{file}")
                    ?? throw new InvalidOperationException($"The bundled font {file} is missing from Summit.Jobs.");
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                bytes = copy.ToArray();
                Loaded[faceName] = bytes;
            }

            return bytes;
        }
    }
}
