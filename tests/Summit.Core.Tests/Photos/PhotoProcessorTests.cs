using SkiaSharp;
using Summit.Core.Photos;
using Summit.Testing;

namespace Summit.Core.Tests.Photos;

public class PhotoProcessorTests
{
    [Fact]
    public void A_text_file_named_like_a_photo_is_refused_by_its_content() =>
        Assert.Equal(PhotoProcessor.Reasons.NotAnImage, Assert.IsType<PhotoRefused>(PhotoProcessor.Process("GIF89a not really"u8.ToArray())).Reason);

    [Fact]
    public void A_file_over_10_MB_is_refused_before_it_is_read() =>
        Assert.Equal(PhotoProcessor.Reasons.TooLarge, Assert.IsType<PhotoRefused>(PhotoProcessor.Process(new byte[PhotoProcessor.MaxBytes + 1])).Reason);

    [Fact]
    public void A_decompression_bomb_is_refused_from_its_header()
    {
        var bomb = TestImages.PngBomb(40_000, 40_000);
        Assert.True(bomb.Length < 200);
        Assert.Equal(PhotoProcessor.Reasons.TooManyPixels, Assert.IsType<PhotoRefused>(PhotoProcessor.Process(bomb)).Reason);
    }

    [Fact]
    public void A_tiny_image_is_refused() =>
        Assert.Equal(PhotoProcessor.Reasons.TooSmall, Assert.IsType<PhotoRefused>(PhotoProcessor.Process(TestImages.Jpeg(100, 100))).Reason);

    [Fact]
    public void An_accepted_photo_is_re_encoded_into_a_fitted_large_and_a_square()
    {
        var upload = TestImages.Jpeg(2400, 1600);
        var accepted = Assert.IsType<PhotoAccepted>(PhotoProcessor.Process(upload));
        Assert.Equal((2400, 1600), (accepted.Width, accepted.Height));

        using var large = SKBitmap.Decode(accepted.Variants[PhotoVariant.Large]);
        Assert.Equal((1200, 800), (large.Width, large.Height));
        using var square = SKBitmap.Decode(accepted.Variants[PhotoVariant.Square]);
        Assert.Equal((400, 400), (square.Width, square.Height));
        Assert.NotEqual(upload, accepted.Variants[PhotoVariant.Large]);
    }

    [Fact]
    public void PNG_and_small_photos_are_kept_at_their_size_as_JPEG()
    {
        using var bitmap = new SKBitmap(300, 500);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.OrangeRed);
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        var accepted = Assert.IsType<PhotoAccepted>(PhotoProcessor.Process(png.ToArray()));
        var large = accepted.Variants[PhotoVariant.Large];
        Assert.Equal([0xFF, 0xD8, 0xFF], large[..3]);
        using var decoded = SKBitmap.Decode(large);
        Assert.Equal((300, 500), (decoded.Width, decoded.Height));
    }
}
