using Microsoft.Extensions.Options;
using Summit.Core.Data;

namespace Summit.Core.Files;

/// <summary>
/// Files under <c>Storage:Path</c>, one per key (<c>photos/…</c>, <c>badges/…</c>): written aside and renamed into place,
/// opened so that a newer file replacing it mid-download cannot break the download.
/// </summary>
internal sealed class FolderFileStore(IOptions<StorageOptions> storage) : IFileStore
{
    public Task<StoredFile?> FindAsync(string key, CancellationToken cancellationToken)
    {
        var info = new FileInfo(PathOf(key));
        return Task.FromResult(info.Exists ? Describe(key, info) : null);
    }

    public Task<(StoredFile File, Stream Content)?> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        try
        {
            var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 64 * 1024, useAsync: true);
            // The facts of the file opened, not of whatever a rename put at the path since.
            var info = new FileInfo(path);
            var file = info.Exists && info.Length == stream.Length ? Describe(key, info) : new StoredFile(key, stream.Length, DateTimeOffset.UtcNow, FileKeys.ETag($"{stream.Length:x}-open"));
            return Task.FromResult<(StoredFile, Stream)?>((file, stream));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<(StoredFile, Stream)?>(null);
        }
    }

    public Task<StoredFile> WriteAsync(string key, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        return TemporaryFiles.WriteThenAsync(storage.Value, write, temporary =>
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.Move(temporary, path, overwrite: true);
            return Task.FromResult(Describe(key, new FileInfo(path)));
        }, cancellationToken);
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        File.Delete(PathOf(key));
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<StoredFile>> ListAsync(string prefix, CancellationToken cancellationToken)
    {
        FileKeys.Check(prefix, prefix: true);
        var slash = prefix.LastIndexOf('/');
        var folder = Path.Combine(storage.Value.FullPath, slash < 0 ? "" : prefix[..slash]);
        var namePrefix = prefix[(slash + 1)..];
        IReadOnlyList<StoredFile> found = !Directory.Exists(folder) ? [] : new DirectoryInfo(folder).EnumerateFiles($"{namePrefix}*")
            .Where(f => FileKeys.IsValid(f.Name))
            .Select(f => Describe(slash < 0 ? f.Name : $"{prefix[..slash]}/{f.Name}", f))
            .OrderBy(f => f.Key, StringComparer.Ordinal)
            .ToList();
        return Task.FromResult(found);
    }

    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        var probe = Path.Combine(TemporaryFiles.Folder(storage.Value), $".health-{Environment.ProcessId}.tmp");
        await File.WriteAllBytesAsync(probe, [1], cancellationToken);
        File.Delete(probe);
    }

    private string PathOf(string key) => Path.Combine(storage.Value.FullPath, FileKeys.Check(key));

    private static StoredFile Describe(string key, FileInfo info) =>
        new(key, info.Length, info.LastWriteTimeUtc, FileKeys.ETag($"{info.Length:x}-{info.LastWriteTimeUtc.Ticks:x}"));
}
