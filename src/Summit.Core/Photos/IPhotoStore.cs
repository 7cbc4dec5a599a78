using Summit.Core.Files;

namespace Summit.Core.Photos;

/// <summary>Photo files by key and size, in the file store (<see cref="IFileStore"/>) as <c>photos/&lt;key&gt;-&lt;size&gt;.jpg</c>.</summary>
public interface IPhotoStore
{
    Task SaveAsync(string key, PhotoVariant variant, byte[] bytes, CancellationToken cancellationToken);

    Task<(StoredFile File, Stream Content)?> OpenReadAsync(string key, PhotoVariant variant, CancellationToken cancellationToken);

    Task DeleteAsync(string key, CancellationToken cancellationToken);
}

internal sealed class PhotoStore(IFileStore files) : IPhotoStore
{
    public static string FileKey(string key, PhotoVariant variant) =>
        // Keys are generated hex; anything else never reaches the store.
        PhotoFiles.IsKey(key) ? $"photos/{key}-{variant.ToString().ToLowerInvariant()}.jpg" : throw new ArgumentException("Not a photo key.", nameof(key));

    public Task SaveAsync(string key, PhotoVariant variant, byte[] bytes, CancellationToken cancellationToken) =>
        files.WriteAsync(FileKey(key, variant), (stream, ct) => stream.WriteAsync(bytes, ct).AsTask(), cancellationToken);

    public Task<(StoredFile File, Stream Content)?> OpenReadAsync(string key, PhotoVariant variant, CancellationToken cancellationToken) =>
        files.OpenReadAsync(FileKey(key, variant), cancellationToken);

    public async Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        foreach (var variant in Enum.GetValues<PhotoVariant>())
        {
            await files.DeleteAsync(FileKey(key, variant), cancellationToken);
        }
    }
}
