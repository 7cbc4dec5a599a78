using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Summit.Core.Editions;

namespace Summit.Core.Scheduling;

internal sealed class VenueConfiguration : IEntityTypeConfiguration<Venue>
{
    public void Configure(EntityTypeBuilder<Venue> builder)
    {
        builder.HasOne<Edition>().WithMany().HasForeignKey(v => v.EditionId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(v => v.NameEn).HasMaxLength(SaveProgrammeItem.NameMaxLength);
        builder.Property(v => v.NameZh).HasMaxLength(SaveProgrammeItem.NameMaxLength);
    }
}
