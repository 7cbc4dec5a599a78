namespace Summit.Web.Speakers;

internal static class Uploads
{
    /// <summary>The posted file's bytes (empty when nothing was posted). The page's request-size limit bounds what is buffered; the rules judge the size.</summary>
    public static async Task<byte[]> ReadAllBytesAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is not { Length: > 0 })
        {
            return [];
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }
}
