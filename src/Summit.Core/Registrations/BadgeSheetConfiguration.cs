using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Summit.Core.Registrations;

internal sealed class BadgeSheetConfiguration : IEntityTypeConfiguration<BadgeSheet>
{
    public void Configure(EntityTypeBuilder<BadgeSheet> builder)
    {
        builder.HasOne<Editions.Edition>().WithMany().HasForeignKey(s => s.EditionId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(s => s.Layout).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.Selection).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.CreatedBy).HasMaxLength(254);
        builder.Property(s => s.Error).HasMaxLength(1000);
    }
}
