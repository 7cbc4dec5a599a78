using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Summit.Core.Editions;

internal sealed class EditionConfiguration : IEntityTypeConfiguration<Edition>
{
    public void Configure(EntityTypeBuilder<Edition> builder)
    {
        builder.HasIndex(e => e.Slug).IsUnique();
        builder.Property(e => e.Slug).HasMaxLength(SaveEdition.SlugMaxLength);
        builder.Property(e => e.NameEn).HasMaxLength(SaveEdition.NameMaxLength);
        builder.Property(e => e.NameZh).HasMaxLength(SaveEdition.NameMaxLength);
        builder.Property(e => e.TaglineEn).HasMaxLength(SaveEdition.TaglineMaxLength);
        builder.Property(e => e.TaglineZh).HasMaxLength(SaveEdition.TaglineMaxLength);
        builder.Property(e => e.VenueEn).HasMaxLength(SaveEdition.VenueMaxLength);
        builder.Property(e => e.VenueZh).HasMaxLength(SaveEdition.VenueMaxLength);
        builder.Property(e => e.CityEn).HasMaxLength(SaveEdition.CityMaxLength);
        builder.Property(e => e.CityZh).HasMaxLength(SaveEdition.CityMaxLength);
        builder.Property(e => e.TimeZoneId).HasMaxLength(64);
        builder.Property(e => e.ReminderDays).HasMaxLength(64).HasDefaultValue(Edition.DefaultReminderDays);
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(16);
    }
}
