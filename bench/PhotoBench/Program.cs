using SkiaSharp;

// Writes the photo bench/photos.sh uploads: a JPEG (or a PNG, for a path ending .png) of the given size (default 8572 × 5716, 49 megapixels, a
// full-frame camera's), with gradients, shapes and grain, weighing several megabytes (under the 10 MB upload limit) as a real photo does.
if (args is ["--process", var input])
{
    // Runs the upload's processing once on a file, for a look at its time and peak memory (with /usr/bin/time -v).
    using (var probe = SKCodec.Create(input))
    {
        var scale = Summit.Core.Photos.PhotoProcessor.NeededScale(probe.Info.Width, probe.Info.Height);
        Console.WriteLine($"{probe.EncodedFormat} {probe.Info.Width} × {probe.Info.Height}: needed scale {scale:F3}, codec offers {probe.GetScaledDimensions(scale)}");
    }

    var started = System.Diagnostics.Stopwatch.StartNew();
    var outcome = Summit.Core.Photos.PhotoProcessor.Process(File.ReadAllBytes(input));
    Console.WriteLine($"{outcome.GetType().Name} in {started.ElapsedMilliseconds} ms");
    return;
}

var path = args.Length > 0 ? args[0] : "photo.jpg";
var width = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 8572;
var height = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 5716;
var quality = args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 80;

using var bitmap = new SKBitmap(width, height);
using (var canvas = new SKCanvas(bitmap))
{
    using var sky = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(width, height), [new SKColor(0x1d, 0x4e, 0x89), new SKColor(0xf4, 0xa2, 0x59), new SKColor(0x2a, 0x9d, 0x8f)], SKShaderTileMode.Clamp);
    using var paint = new SKPaint { Shader = sky };
    canvas.DrawRect(0, 0, width, height, paint);
    var random = new Random(2021);
    using var shape = new SKPaint { IsAntialias = true };
    for (var i = 0; i < 400; i++)
    {
        shape.Color = new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256), 120);
        canvas.DrawCircle(random.Next(width), random.Next(height), random.Next(20, width / 12), shape);
    }

    // Grain, as a camera's sensor gives: it is what makes a real photo of this size weigh several megabytes.
    // (Not for a PNG, which would then weigh far more than the upload limit: a flat PNG is the worst case of pixels per byte.)
    var pixels = path.EndsWith(".png", StringComparison.OrdinalIgnoreCase) ? [] : bitmap.GetPixelSpan();
    for (var i = 0; i < pixels.Length; i++)
    {
        if ((i & 3) != 3)
        {
            pixels[i] = (byte)Math.Clamp(pixels[i] + random.Next(-12, 13), 0, 255);
        }
    }
}

using var image = SKImage.FromBitmap(bitmap);
using var data = image.Encode(path.EndsWith(".png", StringComparison.OrdinalIgnoreCase) ? SKEncodedImageFormat.Png : SKEncodedImageFormat.Jpeg, quality);
using (var file = File.Create(path))
{
    data.SaveTo(file);
}

Console.WriteLine($"{path}: {width} × {height} ({width * (long)height / 1e6:F1} MP), {new FileInfo(path).Length / 1e6:F1} MB");
