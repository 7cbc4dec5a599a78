using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Summit.Core.Editions;

namespace Summit.Core.Scheduling;

internal sealed class SessionTypeConfiguration : IEntityTypeConfiguration<SessionType>
{
    public void Configure(EntityTypeBuilder<SessionType> builder)
    {
        builder.HasOne<Edition>().WithMany().HasForeignKey(t => t.EditionId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(t => t.NameEn).HasMaxLength(SaveProgrammeItem.NameMaxLength);
        builder.Property(t => t.NameZh).HasMaxLength(SaveProgrammeItem.NameMaxLength);
    }
}
