namespace Summit.Core.Files;

/// <summary>A stored file's facts: what a download needs before it reads a byte (length, validator, date).</summary>
/// <param name="Key">Its name in the store, for example <c>badges/12-0a1b2c3d4e5f6a7b.pdf</c> (see <see cref="FileKeys"/>).</param>
/// <param name="ETag">A strong validator, quoted, that changes whenever the bytes do.</param>
public sealed record StoredFile(string Key, long Length, DateTimeOffset LastModified, string ETag);

/// <summary>
/// Every file Summit writes (photos, the programme PDF, badges, print runs) goes through this one seam, so several
/// nodes can share them: the <b>folder</b> (one machine), the <b>database</b> (nothing beyond the database a deployment
/// already has) or an <b>S3</b>-compatible object store, chosen by <c>Files:Store</c> (decision 0020). A file appears
/// whole or not at all, and is read as a stream that can seek, so downloads answer Range requests without loading it.
/// </summary>
public interface IFileStore
{
    /// <summary>The file's facts, or null when there is no such file.</summary>
    Task<StoredFile?> FindAsync(string key, CancellationToken cancellationToken);

    /// <summary>The file opened for reading (seekable, with its length), or null when there is none.</summary>
    Task<(StoredFile File, Stream Content)?> OpenReadAsync(string key, CancellationToken cancellationToken);

    /// <summary>
    /// Writes the file through <paramref name="write"/> (into a local temporary file first, so a failed or cancelled
    /// write leaves the stored file as it was), then puts it in place at once, replacing any earlier file of that key.
    /// </summary>
    Task<StoredFile> WriteAsync(string key, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken);

    /// <summary>Removes the file; a missing one is not an error.</summary>
    Task DeleteAsync(string key, CancellationToken cancellationToken);

    /// <summary>The files whose keys start with <paramref name="prefix"/> (a folder, such as <c>badges/12-</c>).</summary>
    Task<IReadOnlyList<StoredFile>> ListAsync(string prefix, CancellationToken cancellationToken);

    /// <summary>Throws when the store cannot be used now (for readiness): the folder takes no write, the bucket does not answer.</summary>
    Task CheckAsync(CancellationToken cancellationToken);
}
