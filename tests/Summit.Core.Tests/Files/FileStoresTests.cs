using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Summit.Core.Data;
using Summit.Core.Files;
using Summit.Testing;

namespace Summit.Core.Tests.Files;

/// <summary>The folder store: two stores on one folder stand for two processes on one machine.</summary>
public sealed class FolderFileStoreTests : FileStoreContract, IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("summit-files-");

    public void Dispose() => folder.Delete(recursive: true);

    protected override Task<(IFileStore Store, IFileStore OtherNode)> CreateAsync()
    {
        var storage = Options.Create(new StorageOptions { Path = folder.FullName });
        return Task.FromResult<(IFileStore, IFileStore)>((new FolderFileStore(storage), new FolderFileStore(storage)));
    }

    [Fact]
    public async Task Files_live_under_their_key_in_the_storage_folder_and_nothing_is_left_in_tmp()
    {
        await Store.WriteAsync("badge-sheets/3.pdf", (s, ct) => s.WriteAsync(new byte[] { 1, 2, 3 }, ct).AsTask(), Cancel);
        await Assert.ThrowsAsync<IOException>(() => Store.WriteAsync("badge-sheets/4.pdf", (_, _) => throw new IOException("disk full"), Cancel));

        Assert.Equal([1, 2, 3], await File.ReadAllBytesAsync(Path.Combine(folder.FullName, "badge-sheets", "3.pdf"), Cancel));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(folder.FullName, "tmp")));
    }
}

/// <summary>The database store on SQLite (one machine's embedded default, where it serves the same tests).</summary>
public sealed class SqliteDatabaseFileStoreTests : FileStoreContract, IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("summit-dbfiles-");
    private readonly List<DbContext> contexts = [];

    public void Dispose()
    {
        foreach (var db in contexts)
        {
            db.Dispose();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        folder.Delete(recursive: true);
    }

    protected override Task<(IFileStore Store, IFileStore OtherNode)> CreateAsync()
    {
        TestDatabases.CopySqliteTemplate(folder.FullName);
        return Task.FromResult<(IFileStore, IFileStore)>((Make(), Make()));
    }

    private DatabaseFileStore Make()
    {
        var db = TestDatabases.OpenSqlite(folder.FullName);
        contexts.Add(db);
        return new DatabaseFileStore(db, Options.Create(new StorageOptions { Path = Path.Combine(folder.FullName, "node-" + contexts.Count) }), TimeProvider.System);
    }

    [Fact]
    public async Task A_write_inside_the_callers_transaction_is_undone_with_it()
    {
        var db = TestDatabases.OpenSqlite(folder.FullName);
        contexts.Add(db);
        var store = new DatabaseFileStore(db, Options.Create(new StorageOptions { Path = Path.Combine(folder.FullName, "tx") }), TimeProvider.System);
        await using (var transaction = await db.Database.BeginTransactionAsync(Cancel))
        {
            await store.WriteAsync("badges/9-abcd.pdf", (s, ct) => s.WriteAsync(new byte[] { 9 }, ct).AsTask(), Cancel);
            await transaction.RollbackAsync(Cancel);
        }

        Assert.Null(await OtherNode.FindAsync("badges/9-abcd.pdf", Cancel));
        Assert.Equal(0, await db.StoredFileChunks.CountAsync(Cancel));
    }
}

/// <summary>The database store on PostgreSQL: the shared store of a deployment with several nodes.</summary>
public sealed class PostgresDatabaseFileStoreTests : FileStoreContract
{
    private readonly List<DbContext> contexts = [];
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("summit-pgfiles-");
    private PostgresDatabase? database;

    protected override async ValueTask CleanUpAsync()
    {
        foreach (var db in contexts)
        {
            await db.DisposeAsync();
        }

        if (database is not null)
        {
            await database.DisposeAsync();
        }

        folder.Delete(recursive: true);
    }

    protected override async Task<(IFileStore Store, IFileStore OtherNode)> CreateAsync()
    {
        database = await PostgresDatabase.CreateAsync(TestEnvironment.RequirePostgres());
        return (Make(), Make());
    }

    private DatabaseFileStore Make()
    {
        var options = new DbContextOptionsBuilder<PostgresSummitDbContext>();
        SummitDatabase.UsePostgres(options, database!.ConnectionString);
        var db = new PostgresSummitDbContext(options.Options);
        contexts.Add(db);
        return new DatabaseFileStore(db, Options.Create(new StorageOptions { Path = Path.Combine(folder.FullName, "node-" + contexts.Count) }), TimeProvider.System);
    }

    [Fact]
    public async Task Two_nodes_rewriting_one_key_at_once_leave_one_whole_file_and_no_orphan_chunks()
    {
        var a = Enumerable.Repeat((byte)'a', DatabaseFileStore.ChunkSize + 10).ToArray();
        var b = Enumerable.Repeat((byte)'b', (DatabaseFileStore.ChunkSize * 2) + 10).ToArray();
        await Store.WriteAsync("programme/2021-v2.pdf", (s, ct) => s.WriteAsync(a, ct).AsTask(), Cancel);

        await Task.WhenAll(
            Store.WriteAsync("programme/2021-v2.pdf", (s, ct) => s.WriteAsync(a, ct).AsTask(), Cancel),
            OtherNode.WriteAsync("programme/2021-v2.pdf", (s, ct) => s.WriteAsync(b, ct).AsTask(), Cancel));

        var open = await Store.OpenReadAsync("programme/2021-v2.pdf", Cancel);
        await using var content = open!.Value.Content;
        using var copy = new MemoryStream();
        await content.CopyToAsync(copy, Cancel);
        Assert.True(copy.ToArray().SequenceEqual(a) || copy.ToArray().SequenceEqual(b));
        var check = contexts[0];
        var record = await check.Set<FileRecord>().AsNoTracking().SingleAsync(Cancel);
        Assert.Equal([record.ContentId], await check.Set<FileChunk>().Select(c => c.ContentId).Distinct().ToListAsync(Cancel));
    }
}

/// <summary>The S3 store against s3rver, a real S3-compatible server (the protocol AWS, MinIO and OSS speak).</summary>
public sealed class S3FileStoreTests : FileStoreContract
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("summit-s3files-");
    private S3Server? server;
    private readonly List<S3FileStore> stores = [];

    protected override async ValueTask CleanUpAsync()
    {
        foreach (var store in stores)
        {
            store.Dispose();
        }

        if (server is not null)
        {
            await server.DisposeAsync();
        }

        folder.Delete(recursive: true);
    }

    protected override async Task<(IFileStore Store, IFileStore OtherNode)> CreateAsync()
    {
        server = await S3Server.StartAsync();
        return (Make(), Make());
    }

    private S3FileStore Make()
    {
        var options = new FileStoreOptions
        {
            Store = FileStoreKind.S3,
            S3 = { ServiceUrl = server!.ServiceUrl, Bucket = server.Bucket, AccessKey = S3Server.AccessKey, SecretKey = S3Server.SecretKey, Prefix = "summit/" },
        };
        var store = new S3FileStore(Options.Create(options), Options.Create(new StorageOptions { Path = Path.Combine(folder.FullName, "node-" + stores.Count) }));
        stores.Add(store);
        return store;
    }

    [Fact]
    public async Task An_unreachable_bucket_fails_the_check()
    {
        var options = new FileStoreOptions { Store = FileStoreKind.S3, S3 = { ServiceUrl = server!.ServiceUrl, Bucket = "no-such-bucket", AccessKey = S3Server.AccessKey, SecretKey = S3Server.SecretKey } };
        using var missing = new S3FileStore(Options.Create(options), Options.Create(new StorageOptions { Path = folder.FullName }));
        await Assert.ThrowsAnyAsync<Exception>(() => missing.CheckAsync(Cancel));
    }
}
