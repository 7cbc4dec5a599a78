using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Summit.Core.Files;

internal sealed class FileRecordConfiguration : IEntityTypeConfiguration<FileRecord>
{
    public void Configure(EntityTypeBuilder<FileRecord> builder)
    {
        builder.ToTable("StoredFiles");
        builder.HasKey(f => f.Key);
        builder.Property(f => f.Key).HasMaxLength(FileKeys.MaxLength);
        builder.Property(f => f.Sha256).HasMaxLength(64);
        builder.Property(f => f.ContentId).HasMaxLength(32);
    }
}

internal sealed class FileChunkConfiguration : IEntityTypeConfiguration<FileChunk>
{
    public void Configure(EntityTypeBuilder<FileChunk> builder)
    {
        builder.ToTable("StoredFileChunks");
        builder.HasKey(c => new { c.ContentId, c.Index });
        builder.Property(c => c.ContentId).HasMaxLength(32);
        builder.Property(c => c.FileKey).HasMaxLength(FileKeys.MaxLength);
        builder.HasIndex(c => c.FileKey);
    }
}
