using System.Security.Cryptography;
using Summit.Core.Files;

namespace Summit.Core.Tests.Files;

/// <summary>
/// What every file store promises (<see cref="IFileStore"/>), run against each: the folder, the database on SQLite and
/// on PostgreSQL, and S3 against a real S3-compatible server.
/// </summary>
public abstract class FileStoreContract : IAsyncLifetime
{
    protected static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>A second store on the same storage, as another node would have.</summary>
    protected IFileStore Store { get; private set; } = null!;

    protected IFileStore OtherNode { get; private set; } = null!;

    protected abstract Task<(IFileStore Store, IFileStore OtherNode)> CreateAsync();

    public async ValueTask InitializeAsync() => (Store, OtherNode) = await CreateAsync();

    public async ValueTask DisposeAsync()
    {
        await CleanUpAsync();
        GC.SuppressFinalize(this);
    }

    protected virtual ValueTask CleanUpAsync() => ValueTask.CompletedTask;

    private static byte[] Bytes(int length, int seed) =>
        Enumerable.Range(0, length).Select(i => (byte)((i * 31) + seed)).ToArray();

    private static Task<StoredFile> WriteAsync(IFileStore store, string key, byte[] bytes) =>
        store.WriteAsync(key, (s, ct) => s.WriteAsync(bytes, ct).AsTask(), Cancel);

    private static async Task<byte[]> ReadAsync(IFileStore store, string key)
    {
        var open = await store.OpenReadAsync(key, Cancel);
        Assert.NotNull(open);
        await using var content = open.Value.Content;
        using var copy = new MemoryStream();
        await content.CopyToAsync(copy, Cancel);
        return copy.ToArray();
    }

    [Fact]
    public async Task A_file_written_on_one_node_is_read_whole_on_another_with_its_length_and_a_quoted_ETag()
    {
        // Larger than two database chunks, so the read crosses chunk boundaries.
        var bytes = Bytes((DatabaseFileStore.ChunkSize * 2) + 12_345, 7);

        var written = await WriteAsync(Store, "badge-sheets/7.pdf", bytes);

        var found = await OtherNode.FindAsync("badge-sheets/7.pdf", Cancel);
        Assert.NotNull(found);
        Assert.Equal(bytes.Length, found.Length);
        Assert.Equal(written.ETag, found.ETag);
        Assert.StartsWith("\"", found.ETag, StringComparison.Ordinal);
        Assert.EndsWith("\"", found.ETag, StringComparison.Ordinal);
        Assert.Equal(SHA256.HashData(bytes), SHA256.HashData(await ReadAsync(OtherNode, "badge-sheets/7.pdf")));
    }

    [Fact]
    public async Task The_read_stream_seeks_so_a_range_from_the_middle_reads_only_those_bytes()
    {
        var bytes = Bytes(DatabaseFileStore.ChunkSize + 1000, 3);
        await WriteAsync(Store, "programme/2021-v1.pdf", bytes);

        var open = await OtherNode.OpenReadAsync("programme/2021-v1.pdf", Cancel);
        Assert.NotNull(open);
        await using var content = open.Value.Content;
        Assert.True(content.CanSeek);
        Assert.Equal(bytes.Length, content.Length);
        // Across the first chunk's end, then back to the start.
        content.Seek(DatabaseFileStore.ChunkSize - 10, SeekOrigin.Begin);
        var middle = new byte[30];
        await content.ReadExactlyAsync(middle, Cancel);
        Assert.Equal(bytes[(DatabaseFileStore.ChunkSize - 10)..(DatabaseFileStore.ChunkSize + 20)], middle);
        content.Position = 0;
        var start = new byte[5];
        await content.ReadExactlyAsync(start, Cancel);
        Assert.Equal(bytes[..5], start);
        content.Seek(-3, SeekOrigin.End);
        var end = new byte[10];
        Assert.Equal(3, await content.ReadAtLeastAsync(end, 10, throwOnEndOfStream: false, Cancel));
        Assert.Equal(bytes[^3..], end[..3]);
    }

    [Fact]
    public async Task A_rewrite_replaces_the_file_and_its_ETag_and_an_empty_file_is_a_file()
    {
        var first = await WriteAsync(Store, "photos/00112233445566778899aabbccddeeff-large.jpg", Bytes(5000, 1));
        var second = await WriteAsync(OtherNode, "photos/00112233445566778899aabbccddeeff-large.jpg", Bytes(4000, 2));

        Assert.NotEqual(first.ETag, second.ETag);
        Assert.Equal(Bytes(4000, 2), await ReadAsync(Store, "photos/00112233445566778899aabbccddeeff-large.jpg"));
        Assert.Single(await Store.ListAsync("photos/", Cancel));

        await WriteAsync(Store, "photos/empty.jpg", []);
        Assert.Equal(0, (await Store.FindAsync("photos/empty.jpg", Cancel))!.Length);
        Assert.Empty(await ReadAsync(OtherNode, "photos/empty.jpg"));
    }

    [Fact]
    public async Task A_write_that_fails_half_way_leaves_the_earlier_file_as_it_was()
    {
        await WriteAsync(Store, "badges/5-aaaa.pdf", Bytes(3000, 9));

        await Assert.ThrowsAsync<InvalidOperationException>(() => Store.WriteAsync("badges/5-aaaa.pdf", async (s, ct) =>
        {
            await s.WriteAsync(Bytes(DatabaseFileStore.ChunkSize + 5, 4), ct);
            throw new InvalidOperationException("renderer failed");
        }, Cancel));
        await Assert.ThrowsAsync<InvalidOperationException>(() => Store.WriteAsync("badges/6-bbbb.pdf", (_, _) => throw new InvalidOperationException("renderer failed"), Cancel));

        Assert.Equal(Bytes(3000, 9), await ReadAsync(OtherNode, "badges/5-aaaa.pdf"));
        Assert.Null(await OtherNode.FindAsync("badges/6-bbbb.pdf", Cancel));
    }

    [Fact]
    public async Task Listing_by_prefix_finds_one_registrations_badges_and_not_another_whose_id_starts_alike_and_delete_removes()
    {
        await WriteAsync(Store, "badges/1-aaaa.pdf", Bytes(10, 1));
        await WriteAsync(Store, "badges/1-bbbb.pdf", Bytes(10, 2));
        await WriteAsync(Store, "badges/12-cccc.pdf", Bytes(10, 3));

        Assert.Equal(["badges/1-aaaa.pdf", "badges/1-bbbb.pdf"], (await OtherNode.ListAsync("badges/1-", Cancel)).Select(f => f.Key).Order(StringComparer.Ordinal));

        await OtherNode.DeleteAsync("badges/1-aaaa.pdf", Cancel);
        await OtherNode.DeleteAsync("badges/1-never.pdf", Cancel);
        Assert.Null(await Store.FindAsync("badges/1-aaaa.pdf", Cancel));
        Assert.Null(await Store.OpenReadAsync("badges/1-aaaa.pdf", Cancel));
        Assert.Equal(["badges/1-bbbb.pdf", "badges/12-cccc.pdf"], (await Store.ListAsync("badges/", Cancel)).Select(f => f.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_key_that_is_not_one_Summit_makes_is_refused_before_the_store_and_the_store_answers_its_check()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Store.FindAsync("../summit.db", Cancel));
        await Assert.ThrowsAsync<ArgumentException>(() => WriteAsync(Store, "photos/../../x", [1]));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.ListAsync("/", Cancel));
        await Store.CheckAsync(Cancel);
    }
}
