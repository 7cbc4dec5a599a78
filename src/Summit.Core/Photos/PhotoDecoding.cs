using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Summit.Core.Photos;

/// <summary>The <c>Photos</c> section: how large an upload may be in pixels, and how many are decoded at once.</summary>
public sealed class PhotoOptions
{
    public const string Section = "Photos";

    /// <summary>Uploads with more pixels are refused before anything is decoded.</summary>
    [Range(1, 200)]
    public int MaxMegapixels { get; set; } = (int)(PhotoProcessor.MaxPixels / 1_000_000);

    /// <summary>Uploads decoded at the same time in this process; the others wait their turn.</summary>
    [Range(1, 64)]
    public int ConcurrentDecodes { get; set; } = 2;
}

/// <summary>
/// Runs <see cref="PhotoProcessor"/> for uploads, a few at a time: a decode holds its pixels (up to 200 MB for a
/// 50-megapixel PNG, which cannot be decoded scaled), so a burst of uploads waits in line instead of taking the
/// process's memory with it.
/// </summary>
public sealed class PhotoDecoding(IOptions<PhotoOptions> options) : IDisposable
{
    private readonly SemaphoreSlim turns = new(options.Value.ConcurrentDecodes, options.Value.ConcurrentDecodes);

    public async Task<PhotoOutcome> ProcessAsync(byte[] upload, CancellationToken cancellationToken = default)
    {
        await turns.WaitAsync(cancellationToken);
        try
        {
            return PhotoProcessor.Process(upload, options.Value.MaxMegapixels * 1_000_000L);
        }
        finally
        {
            turns.Release();
        }
    }

    public void Dispose() => turns.Dispose();
}
