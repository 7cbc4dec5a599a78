using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Summit.Core.Editions;

internal sealed class EditionConfiguration : IEntityTypeConfiguration<Edition>
{
    public void Configure(EntityTypeBuilder<Edition> builder)
    {
        builder.HasIndex(e => e.Slug).IsUnique();
        builder.Property(e => e.Slug).HasMaxLength(SaveEdition.SlugMaxLength);
        builder.Property(e => e.NameEn).HasMaxLength(200);
        builder.Property(e => e.NameZh).HasMaxLength(200);
        builder.Property(e => e.TaglineEn).HasMaxLength(500);
        builder.Property(e => e.TaglineZh).HasMaxLength(500);
        builder.Property(e => e.VenueEn).HasMaxLength(200);
        builder.Property(e => e.VenueZh).HasMaxLength(200);
        builder.Property(e => e.CityEn).HasMaxLength(100);
        builder.Property(e => e.CityZh).HasMaxLength(100);
        builder.Property(e => e.TimeZoneId).HasMaxLength(64);
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(16);
    }
}
