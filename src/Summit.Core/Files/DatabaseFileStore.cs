using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Summit.Core.Data;

namespace Summit.Core.Files;

/// <summary>
/// Files in the database, in chunks of <see cref="ChunkSize"/> bytes (tables StoredFiles, StoredFileChunks): every node
/// reads what any node wrote, backed up with the data. A write streams its chunks in under a new content id and moves
/// the file's row to it in one transaction (the caller's, when one is open), so readers see the old file or the new,
/// never half; reads fetch one chunk at a time, at any offset.
/// </summary>
internal sealed class DatabaseFileStore(SummitDbContext db, IOptions<StorageOptions> storage, TimeProvider clock) : IFileStore
{
    public const int ChunkSize = 256 * 1024;

    public async Task<StoredFile?> FindAsync(string key, CancellationToken cancellationToken)
    {
        FileKeys.Check(key);
        var record = await db.Set<FileRecord>().AsNoTracking().FirstOrDefaultAsync(f => f.Key == key, cancellationToken);
        return record is null ? null : Describe(record);
    }

    public async Task<(StoredFile File, Stream Content)?> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        FileKeys.Check(key);
        var record = await db.Set<FileRecord>().AsNoTracking().FirstOrDefaultAsync(f => f.Key == key, cancellationToken);
        return record is null ? null : (Describe(record), new ChunkStream(db, record.ContentId, record.Length, record.ChunkSize));
    }

    public Task<StoredFile> WriteAsync(string key, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        FileKeys.Check(key);
        return TemporaryFiles.WriteThenAsync(storage.Value, write, async path =>
        {
            // Text, not a Guid: raw SQL binds a Guid as a blob on SQLite, where EF keeps it as text.
            var contentId = Guid.NewGuid().ToString("N");
            var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
            await using (own)
            {
                using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                long length = 0;
                await using (var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, ChunkSize, useAsync: true))
                {
                    var buffer = new byte[ChunkSize];
                    for (var index = 0; ; index++)
                    {
                        var read = await file.ReadAtLeastAsync(buffer, ChunkSize, throwOnEndOfStream: false, cancellationToken);
                        if (read == 0 && index > 0)
                        {
                            break;
                        }

                        var data = read == ChunkSize ? buffer : buffer[..read];
                        sha.AppendData(data);
                        length += read;
                        await db.Database.ExecuteSqlAsync(
                            $"""INSERT INTO "StoredFileChunks" ("ContentId", "Index", "FileKey", "Data") VALUES ({contentId}, {index}, {key}, {data})""",
                            cancellationToken);
                        if (read < ChunkSize)
                        {
                            break;
                        }
                    }
                }

                var record = new FileRecord { Key = key, ContentId = contentId, Length = length, ChunkSize = ChunkSize, Sha256 = Convert.ToHexStringLower(sha.GetHashAndReset()), UpdatedAt = clock.GetUtcNow() };
                // The same statement on both engines: the row lock it takes orders two writers of one key, and the
                // delete after it then removes every content but the one the row now names.
                var updated = db.Database.ProviderName!.Contains("Sqlite", StringComparison.Ordinal)
                    ? DateTimeOffsetBinary(record.UpdatedAt)
                    : (object)record.UpdatedAt;
                await db.Database.ExecuteSqlAsync(
                    $"""
                    INSERT INTO "StoredFiles" ("Key", "ContentId", "Length", "ChunkSize", "Sha256", "UpdatedAt")
                    VALUES ({key}, {contentId}, {length}, {ChunkSize}, {record.Sha256}, {updated})
                    ON CONFLICT ("Key") DO UPDATE SET "ContentId" = excluded."ContentId", "Length" = excluded."Length",
                        "ChunkSize" = excluded."ChunkSize", "Sha256" = excluded."Sha256", "UpdatedAt" = excluded."UpdatedAt"
                    """,
                    cancellationToken);
                await db.Set<FileChunk>().Where(c => c.FileKey == key && c.ContentId != contentId).ExecuteDeleteAsync(cancellationToken);
                if (own is not null)
                {
                    await own.CommitAsync(cancellationToken);
                }

                return Describe(record);
            }
        }, cancellationToken);
    }

    public async Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        FileKeys.Check(key);
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        await using (own)
        {
            await db.Set<FileRecord>().Where(f => f.Key == key).ExecuteDeleteAsync(cancellationToken);
            await db.Set<FileChunk>().Where(c => c.FileKey == key).ExecuteDeleteAsync(cancellationToken);
            if (own is not null)
            {
                await own.CommitAsync(cancellationToken);
            }
        }
    }

    public async Task<IReadOnlyList<StoredFile>> ListAsync(string prefix, CancellationToken cancellationToken)
    {
        FileKeys.Check(prefix, prefix: true);
        var records = await db.Set<FileRecord>().AsNoTracking().Where(f => f.Key.StartsWith(prefix)).OrderBy(f => f.Key).ToListAsync(cancellationToken);
        return records.Select(Describe).ToList();
    }

    public Task CheckAsync(CancellationToken cancellationToken) =>
        db.Set<FileRecord>().AsNoTracking().Where(f => f.Key == "health").AnyAsync(cancellationToken);

    private static StoredFile Describe(FileRecord record) =>
        new(record.Key, record.Length, record.UpdatedAt, FileKeys.ETag(record.Sha256[..32]));

    /// <summary>SQLite keeps DateTimeOffset as the framework's binary form (see SqliteSummitDbContext); raw SQL must too.</summary>
    private static long DateTimeOffsetBinary(DateTimeOffset value) =>
        new Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter().ConvertToProvider(value) is long binary ? binary : 0;

    /// <summary>A read-only, seekable view of one content's chunks, fetching the chunk under the position when it is read.</summary>
    private sealed class ChunkStream(SummitDbContext db, string contentId, long length, int chunkSize) : Stream
    {
        private byte[]? chunk;
        private int chunkIndex = -1;
        private long position;

        public override bool CanRead => true;

        public override bool CanSeek => true;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position
        {
            get => position;
            set => position = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value));
        }

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (position >= length || buffer.Length == 0)
            {
                return 0;
            }

            var index = (int)(position / chunkSize);
            if (index != chunkIndex)
            {
                chunk = await db.Set<FileChunk>().AsNoTracking().Where(c => c.ContentId == contentId && c.Index == index).Select(c => c.Data).FirstOrDefaultAsync(cancellationToken)
                    ?? throw new IOException("The file was replaced or removed while it was read.");
                chunkIndex = index;
            }

            var within = (int)(position - ((long)index * chunkSize));
            var count = Math.Min(buffer.Length, chunk!.Length - within);
            if (count <= 0)
            {
                throw new IOException("The file's chunks are shorter than its length.");
            }

            chunk.AsMemory(within, count).CopyTo(buffer);
            position += count;
            return count;
        }

        public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => position + offset,
            _ => length + offset,
        };

        public override void Flush()
        {
        }

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
