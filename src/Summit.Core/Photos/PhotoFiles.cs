namespace Summit.Core.Photos;

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
            await store.SaveAsync(key, variant, bytes, cancellationToken);
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
