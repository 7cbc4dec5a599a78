using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Summit.Core.Speakers;

internal sealed class SpeakerEditionConfiguration : IEntityTypeConfiguration<SpeakerEdition>
{
    public void Configure(EntityTypeBuilder<SpeakerEdition> builder)
    {
        builder.ToTable("SpeakerEditions");
        builder.HasKey(e => new { e.SpeakerId, e.EditionId });
        builder.HasOne(e => e.Edition).WithMany().HasForeignKey(e => e.EditionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => e.EditionId);
    }
}
