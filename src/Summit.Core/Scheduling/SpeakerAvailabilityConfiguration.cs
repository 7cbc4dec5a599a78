using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Summit.Core.Editions;

namespace Summit.Core.Scheduling;

internal sealed class SpeakerAvailabilityConfiguration : IEntityTypeConfiguration<SpeakerAvailability>
{
    public void Configure(EntityTypeBuilder<SpeakerAvailability> builder)
    {
        builder.ToTable("SpeakerAvailabilities");
        builder.HasOne<Edition>().WithMany().HasForeignKey(a => a.EditionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Speakers.Speaker>().WithMany().HasForeignKey(a => a.SpeakerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.EditionId, a.SpeakerId });
    }
}
