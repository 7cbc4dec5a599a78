using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Summit.Core.Editions;

namespace Summit.Core.Scheduling;

internal sealed class RoomConfiguration : IEntityTypeConfiguration<Room>
{
    public void Configure(EntityTypeBuilder<Room> builder)
    {
        builder.HasOne<Edition>().WithMany().HasForeignKey(r => r.EditionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(r => r.Venue).WithMany().HasForeignKey(r => r.VenueId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(r => r.NameEn).HasMaxLength(SaveProgrammeItem.NameMaxLength);
        builder.Property(r => r.NameZh).HasMaxLength(SaveProgrammeItem.NameMaxLength);
        builder.Property(r => r.FloorLanguage).HasConversion<string>().HasMaxLength(24);
        builder.Property(r => r.InterpretationChannels).HasMaxLength(SaveProgrammeItem.ChannelsMaxLength);
        builder.HasIndex(r => new { r.EditionId, r.Order });
    }
}
