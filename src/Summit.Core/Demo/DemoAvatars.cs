using SkiaSharp;

namespace Summit.Core.Demo;

/// <summary>
/// Portrait-shaped placeholders drawn locally for demo speakers (a silhouette on a colour from the name), so the demo
/// directory looks like one without downloading or inventing photographs of real people.
/// </summary>
public static class DemoAvatars
{
    public const string Credit = "Generated illustration (demo)";
    public const string Licence = "Demo placeholder, no rights reserved";

    private static readonly SKColor[] Backgrounds =
    [
        new(0x0B, 0x4F, 0x8A), new(0x1D, 0x6B, 0x34), new(0x8A, 0x5A, 0x00), new(0x6A, 0x1B, 0x9A),
        new(0xA4, 0x16, 0x1A), new(0x00, 0x69, 0x7C), new(0x37, 0x47, 0x4F), new(0x5D, 0x40, 0x37),
    ];

    public static byte[] Draw(string seed, int size = 600)
    {
        ArgumentNullException.ThrowIfNull(seed);
        var hash = seed.Aggregate(17, (h, c) => unchecked((h * 31) + c));
        var background = Backgrounds[(int)((uint)hash % Backgrounds.Length)];
        using var bitmap = new SKBitmap(size, size, SKColorType.Rgba8888, SKAlphaType.Premul);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(background);
            using var figure = new SKPaint { Color = new SKColor(0xFF, 0xFF, 0xFF, 0xD8), IsAntialias = true };
            canvas.DrawCircle(size / 2f, size * 0.38f, size * 0.17f, figure);
            canvas.DrawOval(new SKRect(size * 0.2f, size * 0.62f, size * 0.8f, size * 1.15f), figure);
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
