namespace Summit.Core.Photos;

/// <summary>Where photo files live. A seam: the local folder today, object storage for a multi-machine deployment later.</summary>
public interface IPhotoStore
{
    Task SaveAsync(string key, PhotoVariant variant, byte[] bytes, CancellationToken cancellationToken);

    Stream? OpenRead(string key, PhotoVariant variant);

    void Delete(string key);
}
