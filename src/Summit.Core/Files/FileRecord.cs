namespace Summit.Core.Files;

/// <summary>A file of the database store: its key and which content is current (<see cref="FileChunk"/>s).</summary>
public sealed class FileRecord
{
    public required string Key { get; set; }

    /// <summary>The chunks of the current content (32 hex digits); a new write makes new chunks and moves this in one transaction.</summary>
    public required string ContentId { get; set; }

    public long Length { get; set; }

    public int ChunkSize { get; set; }

    /// <summary>SHA-256 of the bytes, hex: the ETag.</summary>
    public required string Sha256 { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>One slice of a database-stored file, <see cref="FileRecord.ChunkSize"/> bytes (the last one shorter).</summary>
public sealed class FileChunk
{
    public required string ContentId { get; set; }

    public int Index { get; set; }

    /// <summary>The key of the file it belongs to, so a rewrite can drop every older content of that key.</summary>
    public required string FileKey { get; set; }

    public required byte[] Data { get; set; }
}
