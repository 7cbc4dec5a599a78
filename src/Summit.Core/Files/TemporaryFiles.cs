using Summit.Core.Data;

namespace Summit.Core.Files;

/// <summary>
/// Where a store's writes take shape before they are put in place: <c>Storage:Path/tmp/</c>, local to the process
/// whatever the store. Left-overs of a killed process (untouched for a day) are removed as new ones are made.
/// </summary>
public static class TemporaryFiles
{
    private static long lastSweep;

    public static string Folder(StorageOptions storage)
    {
        ArgumentNullException.ThrowIfNull(storage);
        return storage.SubFolder("tmp");
    }

    /// <summary>A new, unused path in the temporary folder.</summary>
    public static string NewPath(StorageOptions storage, string extension = ".tmp")
    {
        var folder = Folder(storage);
        var now = Environment.TickCount64;
        if (now - Interlocked.Read(ref lastSweep) > 3_600_000 || Interlocked.Read(ref lastSweep) == 0)
        {
            Interlocked.Exchange(ref lastSweep, now);
            Sweep(folder, DateTime.UtcNow.AddDays(-1));
        }

        return Path.Combine(folder, $"{Guid.NewGuid():N}{extension}");
    }

    /// <summary>Runs <paramref name="write"/> into a new temporary file and hands the finished file to <paramref name="commit"/>; the file is gone afterwards either way.</summary>
    public static async Task<T> WriteThenAsync<T>(StorageOptions storage, Func<Stream, CancellationToken, Task> write, Func<string, Task<T>> commit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        ArgumentNullException.ThrowIfNull(commit);
        var path = NewPath(storage);
        try
        {
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, useAsync: true))
            {
                await write(file, cancellationToken);
                await file.FlushAsync(cancellationToken);
            }

            return await commit(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static void Sweep(string folder, DateTime cutoff)
    {
        foreach (var stale in Directory.EnumerateFiles(folder))
        {
            try
            {
                if (File.GetLastWriteTimeUtc(stale) < cutoff)
                {
                    File.Delete(stale);
                }
            }
            catch (IOException)
            {
                // In use or gone already: the next sweep sees it again.
            }
        }
    }
}
