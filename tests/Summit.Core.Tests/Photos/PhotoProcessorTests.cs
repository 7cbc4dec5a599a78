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

    [Theory]
    [InlineData(8572, 5716, 1200.0 / 8572)]
    [InlineData(12000, 1000, 0.4)]
    [InlineData(1000, 12000, 0.4)]
    [InlineData(800, 600, 1.0)]
    [InlineData(2400, 300, 1.0)]
    public void The_scale_needed_keeps_the_long_side_for_the_large_size_and_the_short_side_for_the_square(int width, int height, double expected) =>
        Assert.Equal(expected, PhotoProcessor.NeededScale(width, height), 4);

    [Fact]
    public void A_large_JPEG_is_decoded_at_the_smallest_scale_that_still_makes_every_size()
    {
        var upload = TestImages.Jpeg(6000, 4000);
        using var data = SKData.CreateCopy(upload);
        using var codec = SKCodec.Create(data);

        using var decoded = PhotoProcessor.DecodeScaled(codec);

        // libjpeg scales by eighths: 1/8 would give a long side of 750, under 1200; 2/8 gives 1500.
        Assert.Equal((1500, 1000), (decoded!.Width, decoded.Height));
        var accepted = Assert.IsType<PhotoAccepted>(PhotoProcessor.Process(upload));
        Assert.Equal((6000, 4000), (accepted.Width, accepted.Height));
        using var large = SKBitmap.Decode(accepted.Variants[PhotoVariant.Large]);
        Assert.Equal((1200, 800), (large.Width, large.Height));
        using var square = SKBitmap.Decode(accepted.Variants[PhotoVariant.Square]);
        Assert.Equal((400, 400), (square.Width, square.Height));
    }

    [Fact]
    public void When_the_codecs_nearest_eighth_is_too_small_the_next_one_up_is_decoded()
    {
        // Needed: 1200 / 4286 = 0.28, whose nearest eighth (2/8) gives a long side of 1072; 3/8 gives 1608.
        using var data = SKData.CreateCopy(TestImages.Jpeg(4286, 2858));
        using var codec = SKCodec.Create(data);

        var size = PhotoProcessor.ScaledSize(codec);

        Assert.Equal(1608, size.Width);
        Assert.InRange(size.Height, 1071, 1072);
    }

    [Fact]
    public void A_PNG_which_cannot_be_decoded_scaled_is_decoded_whole()
    {
        using var bitmap = new SKBitmap(3000, 2000);
        using var image = SKImage.FromBitmap(bitmap);
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        using var codec = SKCodec.Create(png);

        Assert.Equal(new SKSizeI(3000, 2000), PhotoProcessor.ScaledSize(codec));
    }

    [Fact]
    public void A_portrait_stored_sideways_is_turned_upright_also_when_decoded_scaled()
    {
        var accepted = Assert.IsType<PhotoAccepted>(PhotoProcessor.Process(TestImages.WithOrientation(TestImages.Jpeg(6000, 4000), 6)));

        Assert.Equal((4000, 6000), (accepted.Width, accepted.Height));
        using var large = SKBitmap.Decode(accepted.Variants[PhotoVariant.Large]);
        Assert.Equal((800, 1200), (large.Width, large.Height));
    }

    [Fact]
    public void The_pixel_limit_is_a_setting_and_the_refusal_says_it()
    {
        var refused = Assert.IsType<PhotoRefused>(PhotoProcessor.Process(TestImages.Jpeg(2400, 1600), maxPixels: 3_500_000));

        Assert.Equal(PhotoProcessor.Reasons.TooManyPixels, refused.Reason);
        Assert.Equal(["3.5"], refused.Arguments);
        Assert.IsType<PhotoAccepted>(PhotoProcessor.Process(TestImages.Jpeg(2400, 1600), maxPixels: 4_000_000));
    }

    [Fact]
    public async Task Uploads_wait_their_turn_to_decode_and_all_finish()
    {
        using var decoding = new PhotoDecoding(Microsoft.Extensions.Options.Options.Create(new PhotoOptions { ConcurrentDecodes = 1, MaxMegapixels = 10 }));
        var upload = TestImages.Jpeg(2400, 1600);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => decoding.ProcessAsync(upload, TestContext.Current.CancellationToken))));

        Assert.All(outcomes, o => Assert.IsType<PhotoAccepted>(o));
        var refused = Assert.IsType<PhotoRefused>(await decoding.ProcessAsync(TestImages.Jpeg(4000, 3000), TestContext.Current.CancellationToken));
        Assert.Equal(["10"], refused.Arguments);
    }
}
