using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Summit.Core.Speakers;

internal sealed class SpeakerPhotoConfiguration : IEntityTypeConfiguration<SpeakerPhoto>
{
    public void Configure(EntityTypeBuilder<SpeakerPhoto> builder)
    {
        builder.ToTable("SpeakerPhotos");
        builder.HasOne<Speaker>().WithMany().HasForeignKey(p => p.SpeakerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => p.Key).IsUnique();
        builder.HasIndex(p => new { p.SpeakerId, p.Status });
        builder.Property(p => p.Key).HasMaxLength(32);
        builder.Property(p => p.Credit).HasMaxLength(SpeakerPhoto.CreditMaxLength);
        builder.Property(p => p.Source).HasMaxLength(SpeakerPhoto.SourceMaxLength);
        builder.Property(p => p.Licence).HasMaxLength(SpeakerPhoto.LicenceMaxLength);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.SubmittedBy).HasMaxLength(450);
        builder.Property(p => p.ReviewedBy).HasMaxLength(450);
    }
}
