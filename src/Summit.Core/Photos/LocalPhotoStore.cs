using Microsoft.Extensions.Options;
using Summit.Core.Data;

namespace Summit.Core.Photos;

/// <summary><c>Storage:Path/photos/&lt;key&gt;-&lt;variant&gt;.jpg</c>, written under a temporary name and renamed.</summary>
internal sealed class LocalPhotoStore(IOptions<StorageOptions> storage) : IPhotoStore
{
    private string Folder => storage.Value.SubFolder("photos");

    public async Task SaveAsync(string key, PhotoVariant variant, byte[] bytes, CancellationToken cancellationToken)
    {
        var path = PathOf(key, variant);
        var temporary = path + ".tmp";
        await File.WriteAllBytesAsync(temporary, bytes, cancellationToken);
        File.Move(temporary, path, overwrite: true);
    }

    public Stream? OpenRead(string key, PhotoVariant variant)
    {
        var path = PathOf(key, variant);
        return File.Exists(path) ? File.OpenRead(path) : null;
    }

    public void Delete(string key)
    {
        foreach (var variant in Enum.GetValues<PhotoVariant>())
        {
            File.Delete(PathOf(key, variant));
        }
    }

    private string PathOf(string key, PhotoVariant variant)
    {
        // Keys are generated hex; anything else never reaches the file system.
        if (!PhotoFiles.IsKey(key))
        {
            throw new ArgumentException("Not a photo key.", nameof(key));
        }

        return Path.Combine(Folder, $"{key}-{variant.ToString().ToLowerInvariant()}.jpg");
    }
}
