using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Summit.Core.Speakers;

internal sealed class SpeakerInvitationConfiguration : IEntityTypeConfiguration<SpeakerInvitation>
{
    public void Configure(EntityTypeBuilder<SpeakerInvitation> builder)
    {
        builder.ToTable("SpeakerInvitations");
        builder.HasOne<Speaker>().WithMany().HasForeignKey(i => i.SpeakerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(i => i.TokenHash).IsUnique();
        builder.Property(i => i.TokenHash).HasMaxLength(64);
        builder.Property(i => i.Email).HasMaxLength(254);
        builder.Property(i => i.InvitedBy).HasMaxLength(450);
        builder.Property(i => i.UsedBy).HasMaxLength(450);
    }
}
