using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Summit.Core.Editions;

namespace Summit.Core.Scheduling;

internal sealed class TrackConfiguration : IEntityTypeConfiguration<Track>
{
    public void Configure(EntityTypeBuilder<Track> builder)
    {
        builder.HasOne<Edition>().WithMany().HasForeignKey(t => t.EditionId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(t => t.NameEn).HasMaxLength(SaveProgrammeItem.NameMaxLength);
        builder.Property(t => t.NameZh).HasMaxLength(SaveProgrammeItem.NameMaxLength);
        builder.Property(t => t.Colour).HasMaxLength(7);
    }
}
