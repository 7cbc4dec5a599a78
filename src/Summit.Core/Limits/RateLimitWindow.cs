using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Summit.Core.Limits;

/// <summary>One fixed window of a rate limit shared by every node: how many requests a partition (a policy and an address or token) made in it.</summary>
public sealed class RateLimitWindow
{
    public const int PartitionMaxLength = 200;

    public required string Partition { get; set; }

    /// <summary>The window's start, in Unix seconds (a multiple of the window's length).</summary>
    public long WindowStart { get; set; }

    public int Count { get; set; }
}

internal sealed class RateLimitWindowConfiguration : IEntityTypeConfiguration<RateLimitWindow>
{
    public void Configure(EntityTypeBuilder<RateLimitWindow> builder)
    {
        builder.HasKey(w => new { w.Partition, w.WindowStart });
        builder.Property(w => w.Partition).HasMaxLength(RateLimitWindow.PartitionMaxLength);
        builder.HasIndex(w => w.WindowStart);
    }
}
