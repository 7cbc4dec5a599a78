using SkiaSharp;

namespace Summit.Core.Photos;

/// <summary>The sizes every stored photo has. Names are part of the media URLs; add, never rename.</summary>
public enum PhotoVariant
{
    /// <summary>Longest side 1200 px: profile pages, press.</summary>
    Large,

    /// <summary>400 × 400, cropped from the middle across and from the upper third down (where faces are in portraits): directory cards, badges.</summary>
    Square,
}

public abstract record PhotoOutcome;

public sealed record PhotoRefused(string Reason) : PhotoOutcome
{
    /// <summary>What fills the reason's holes ({0}…), as text.</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];
}

public sealed record PhotoAccepted(int Width, int Height, IReadOnlyDictionary<PhotoVariant, byte[]> Variants) : PhotoOutcome;

/// <summary>
/// Checks an upload by its content (not its name), refuses what is too large in bytes or in pixels before decoding it
/// (decompression bombs), and re-encodes it as JPEG in the sizes pages and badges need. Re-encoding drops metadata
/// such as GPS positions and anything that is not the picture. A JPEG or WebP is decoded straight at the smallest
/// scale the kept sizes allow (a 49-megapixel JPEG at a quarter: 12 MB of pixels instead of 196 MB); a PNG, which
/// cannot be decoded scaled, is decoded whole. <see cref="PhotoDecoding"/> bounds how many decode at once.
/// </summary>
public static class PhotoProcessor
{
    public const long MaxBytes = 10 * 1024 * 1024;
    public const int MaxSide = 12_000;
    /// <summary>The default of <c>Photos:MaxMegapixels</c>.</summary>
    public const long MaxPixels = 50_000_000;
    public const int MinSide = 200;
    public const int LargeSide = 1200;
    public const int SquareSide = 400;

    public static class Reasons
    {
        public const string Empty = "Choose a photo to upload.";
        public const string TooLarge = "The file is larger than 10 MB.";
        public const string NotAnImage = "This file is not a JPEG, PNG or WebP image.";
        public const string TooManyPixels = "The image is too large in pixels (at most 12,000 px a side and {0} megapixels).";
        public const string TooSmall = "The image is too small: at least 200 × 200 pixels.";
        public const string Unreadable = "The image could not be read; it may be damaged.";
    }

    public static PhotoOutcome Process(byte[] upload, long maxPixels = MaxPixels)
    {
        ArgumentNullException.ThrowIfNull(upload);
        if (upload.Length == 0)
        {
            return new PhotoRefused(Reasons.Empty);
        }

        if (upload.Length > MaxBytes)
        {
            return new PhotoRefused(Reasons.TooLarge);
        }

        if (!LooksLikeAllowedImage(upload))
        {
            return new PhotoRefused(Reasons.NotAnImage);
        }

        using var data = SKData.CreateCopy(upload);
        using var codec = SKCodec.Create(data);
        if (codec is null)
        {
            return new PhotoRefused(Reasons.NotAnImage);
        }

        var (width, height) = (codec.Info.Width, codec.Info.Height);
        if (width > MaxSide || height > MaxSide || (long)width * height > maxPixels)
        {
            return new PhotoRefused(Reasons.TooManyPixels) { Arguments = [(maxPixels / 1_000_000d).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture)] };
        }

        if (width < MinSide || height < MinSide)
        {
            return new PhotoRefused(Reasons.TooSmall);
        }

        using var decoded = DecodeScaled(codec);
        if (decoded is null)
        {
            return new PhotoRefused(Reasons.Unreadable);
        }

        using var rotated = codec.EncodedOrigin is SKEncodedOrigin.TopLeft or SKEncodedOrigin.Default ? null : Orient(decoded, codec.EncodedOrigin);
        var upright = rotated ?? decoded;
        var variants = new Dictionary<PhotoVariant, byte[]>
        {
            [PhotoVariant.Large] = Encode(Fit(upright, LargeSide)),
            [PhotoVariant.Square] = Encode(Square(upright, SquareSide)),
        };
        // The size of the picture as uploaded (upright), not of the scaled decode.
        var quarterTurn = rotated is not null && codec.EncodedOrigin is SKEncodedOrigin.RightTop or SKEncodedOrigin.LeftBottom;
        return new PhotoAccepted(quarterTurn ? height : width, quarterTurn ? width : height, variants);
    }

    /// <summary>
    /// The scale the kept sizes need: the long side at least <see cref="LargeSide"/> and the short side at least
    /// <see cref="SquareSide"/> (or the picture's own, if smaller), so no variant is made from fewer pixels than it has.
    /// </summary>
    public static float NeededScale(int width, int height)
    {
        var (longSide, shortSide) = (Math.Max(width, height), Math.Min(width, height));
        var scale = Math.Max((double)Math.Min(LargeSide, longSide) / longSide, (double)Math.Min(SquareSide, shortSide) / shortSide);
        return (float)Math.Min(1.0, scale);
    }

    /// <summary>
    /// The smallest size the codec decodes to that keeps the long side at least <see cref="LargeSide"/> and the short at
    /// least <see cref="SquareSide"/> (or the picture's own): the exact scale first (WebP scales freely), then eighths
    /// (JPEG's DCT scaling, which rounds down), then the whole picture (PNG does not scale).
    /// </summary>
    internal static SKSizeI ScaledSize(SKCodec codec)
    {
        var (width, height) = (codec.Info.Width, codec.Info.Height);
        var needLong = Math.Min(LargeSide, Math.Max(width, height));
        var needShort = Math.Min(SquareSide, Math.Min(width, height));
        var needed = NeededScale(width, height);
        foreach (var scale in Enumerable.Range(1, 8).Select(k => k / 8f).Where(s => s >= needed).Prepend(needed))
        {
            var size = codec.GetScaledDimensions(scale);
            if (size.Width <= width && size.Height <= height
                && Math.Max(size.Width, size.Height) >= needLong && Math.Min(size.Width, size.Height) >= needShort)
            {
                return size;
            }
        }

        return new SKSizeI(width, height);
    }

    /// <summary>Decodes at the smallest scale the codec offers that still gives the pixels <see cref="NeededScale"/> asks for.</summary>
    internal static SKBitmap? DecodeScaled(SKCodec codec)
    {
        var size = ScaledSize(codec);
        var info = new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        var bitmap = new SKBitmap(info);
        var result = codec.GetPixels(info, bitmap.GetPixels());
        // As SKBitmap.Decode: a file cut short still gives the rows it has.
        if (result is SKCodecResult.Success or SKCodecResult.IncompleteInput)
        {
            // Immutable, so that the images drawn from it (orientation, the square) share its pixels instead of copying them.
            bitmap.SetImmutable();
            return bitmap;
        }

        bitmap.Dispose();
        return null;
    }

    private static bool LooksLikeAllowedImage(byte[] bytes) =>
        (bytes.Length > 3 && bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF)
        || (bytes.Length > 8 && bytes.AsSpan(0, 8).SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }))
        || (bytes.Length > 12 && bytes.AsSpan(0, 4).SequenceEqual("RIFF"u8) && bytes.AsSpan(8, 4).SequenceEqual("WEBP"u8));

    /// <summary>Turns the pixels upright per the EXIF orientation (phones store portraits sideways). Mirrored orientations are rare and kept as stored.</summary>
    private static SKBitmap Orient(SKBitmap source, SKEncodedOrigin origin)
    {
        var quarterTurn = origin is SKEncodedOrigin.RightTop or SKEncodedOrigin.LeftBottom;
        var result = new SKBitmap(quarterTurn ? source.Height : source.Width, quarterTurn ? source.Width : source.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var canvas = new SKCanvas(result);
        canvas.Clear(SKColors.White);
        switch (origin)
        {
            case SKEncodedOrigin.BottomRight:
                canvas.RotateDegrees(180, result.Width / 2f, result.Height / 2f);
                break;
            case SKEncodedOrigin.RightTop:
                canvas.Translate(result.Width, 0);
                canvas.RotateDegrees(90);
                break;
            case SKEncodedOrigin.LeftBottom:
                canvas.Translate(0, result.Height);
                canvas.RotateDegrees(270);
                break;
            default:
                break;
        }

        using var image = SKImage.FromBitmap(source);
        canvas.DrawImage(image, 0, 0, SKSamplingOptions.Default);
        result.SetImmutable();
        return result;
    }

    private static SKBitmap Fit(SKBitmap source, int side)
    {
        var scale = Math.Min(1.0, (double)side / Math.Max(source.Width, source.Height));
        var info = new SKImageInfo(Math.Max(1, (int)Math.Round(source.Width * scale)), Math.Max(1, (int)Math.Round(source.Height * scale)), SKColorType.Rgba8888, SKAlphaType.Premul);
        return source.Resize(info, new SKSamplingOptions(SKCubicResampler.Mitchell));
    }

    private static SKBitmap Square(SKBitmap source, int side)
    {
        var crop = Math.Min(source.Width, source.Height);
        var x = (source.Width - crop) / 2;
        var y = Math.Max(0, (source.Height - crop) / 3);
        var result = new SKBitmap(side, side, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var canvas = new SKCanvas(result);
        using var image = SKImage.FromBitmap(source);
        canvas.DrawImage(image, new SKRect(x, y, x + crop, y + crop), new SKRect(0, 0, side, side), new SKSamplingOptions(SKCubicResampler.Mitchell));
        return result;
    }

    private static byte[] Encode(SKBitmap bitmap)
    {
        using (bitmap)
        {
            using var image = SKImage.FromBitmap(bitmap);
            using var data = image.Encode(SKEncodedImageFormat.Jpeg, 85);
            return data.ToArray();
        }
    }
}
