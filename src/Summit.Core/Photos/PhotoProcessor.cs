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

public sealed record PhotoRefused(string Reason) : PhotoOutcome;

public sealed record PhotoAccepted(int Width, int Height, IReadOnlyDictionary<PhotoVariant, byte[]> Variants) : PhotoOutcome;

/// <summary>
/// Checks an upload by its content (not its name), refuses what is too large in bytes or in pixels before decoding it
/// (decompression bombs), and re-encodes it as JPEG in the sizes pages and badges need. Re-encoding drops metadata
/// such as GPS positions and anything that is not the picture.
/// </summary>
public static class PhotoProcessor
{
    public const long MaxBytes = 10 * 1024 * 1024;
    public const int MaxSide = 12_000;
    public const long MaxPixels = 50_000_000;
    public const int MinSide = 200;
    public const int LargeSide = 1200;
    public const int SquareSide = 400;

    public static class Reasons
    {
        public const string Empty = "Choose a photo to upload.";
        public const string TooLarge = "The file is larger than 10 MB.";
        public const string NotAnImage = "This file is not a JPEG, PNG or WebP image.";
        public const string TooManyPixels = "The image is too large in pixels (at most 12,000 px a side and 50 megapixels).";
        public const string TooSmall = "The image is too small: at least 200 × 200 pixels.";
        public const string Unreadable = "The image could not be read; it may be damaged.";
    }

    public static PhotoOutcome Process(byte[] upload)
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
        if (width > MaxSide || height > MaxSide || (long)width * height > MaxPixels)
        {
            return new PhotoRefused(Reasons.TooManyPixels);
        }

        if (width < MinSide || height < MinSide)
        {
            return new PhotoRefused(Reasons.TooSmall);
        }

        using var decoded = SKBitmap.Decode(codec, codec.Info.WithColorType(SKColorType.Rgba8888).WithAlphaType(SKAlphaType.Premul));
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
        return new PhotoAccepted(upright.Width, upright.Height, variants);
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
