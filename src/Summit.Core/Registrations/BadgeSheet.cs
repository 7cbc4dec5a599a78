using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Summit.Core.Registrations;

public enum BadgeSheetLayout
{
    /// <summary>Four A6 badges on each A4 sheet, with cut marks, for an office printer.</summary>
    FourPerA4,

    /// <summary>One badge per A6 page, for a badge printer.</summary>
    OnePerPage,
}

/// <summary>A print run of badges an organizer asked for: which registrations, which layout, and how far it has got.</summary>
public sealed class BadgeSheet
{
    private BadgeSheet()
    {
    }

    public BadgeSheet(int editionId, int? categoryId, BadgeSheetLayout layout, string createdBy, DateTimeOffset now)
    {
        EditionId = editionId;
        CategoryId = categoryId;
        Layout = layout;
        CreatedBy = createdBy;
        CreatedAt = now;
    }

    public int Id { get; private set; }

    public int EditionId { get; private set; }

    /// <summary>Null for every category. Only confirmed registrations have badges.</summary>
    public int? CategoryId { get; private set; }

    public BadgeSheetLayout Layout { get; private set; }

    public string CreatedBy { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Badges in the run, known once the job has started.</summary>
    public int? Total { get; private set; }

    /// <summary>Badges drawn so far (written by the job as it goes, for the progress bar).</summary>
    public int Done { get; private set; }

    public DateTimeOffset? FinishedAt { get; private set; }

    public string? Error { get; private set; }
}

internal sealed class BadgeSheetConfiguration : IEntityTypeConfiguration<BadgeSheet>
{
    public void Configure(EntityTypeBuilder<BadgeSheet> builder)
    {
        builder.HasOne<Editions.Edition>().WithMany().HasForeignKey(s => s.EditionId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(s => s.Layout).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.CreatedBy).HasMaxLength(254);
        builder.Property(s => s.Error).HasMaxLength(1000);
    }
}
