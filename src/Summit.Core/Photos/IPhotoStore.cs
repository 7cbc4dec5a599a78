using Microsoft.Extensions.Options;
using Summit.Core.Data;

namespace Summit.Core.Photos;

/// <summary>Where photo files live. A seam: the local folder today, object storage for a multi-machine deployment later.</summary>
public interface IPhotoStore
{
    Task SaveAsync(string key, PhotoVariant variant, byte[] bytes, CancellationToken cancellationToken);

    Stream? OpenRead(string key, PhotoVariant variant);

    void Delete(string key);
}

public static class PhotoFiles
{
    /// <summary>Stores an accepted photo's sizes under a new random key (new for every upload, so URLs can be cached) and returns the key.</summary>
    public static async Task<string> SaveNewAsync(this IPhotoStore store, PhotoAccepted accepted, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(accepted);
        var key = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        foreach (var (variant, bytes) in accepted.Variants)
        {
            await store.SaveAsync(key, variant, bytes, cancellationToken).ConfigureAwait(false);
        }

        return key;
    }

    /// <summary>Whether a key and a size name from a media URL name a stored photo's file (hex key, known size); anything else is 404.</summary>
    public static bool TryParse(string key, string variant, out PhotoVariant size)
    {
        ArgumentNullException.ThrowIfNull(key);
        size = default;
        return IsKey(key) && Enum.TryParse(variant, ignoreCase: true, out size) && Enum.IsDefined(size);
    }

    public static bool IsKey(string key) => key.Length == 32 && key.All(Uri.IsHexDigit);
}

/// <summary><c>Storage:Path/photos/&lt;key&gt;-&lt;variant&gt;.jpg</c>, written under a temporary name and renamed.</summary>
internal sealed class LocalPhotoStore(IOptions<StorageOptions> storage) : IPhotoStore
{
    private string Folder => storage.Value.SubFolder("photos");

    public async Task SaveAsync(string key, PhotoVariant variant, byte[] bytes, CancellationToken cancellationToken)
    {
        var path = PathOf(key, variant);
        var temporary = path + ".tmp";
        await File.WriteAllBytesAsync(temporary, bytes, cancellationToken).ConfigureAwait(false);
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
