using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Summit.Core.Scheduling;

internal sealed class PublishedSessionConfiguration : IEntityTypeConfiguration<PublishedSession>
{
    public void Configure(EntityTypeBuilder<PublishedSession> builder)
    {
        builder.HasKey(s => new { s.VersionId, s.SessionId });
        builder.HasIndex(s => s.SessionId);
        builder.Property(s => s.TitleEn).HasMaxLength(SaveSession.TitleMaxLength);
        builder.Property(s => s.TitleZh).HasMaxLength(SaveSession.TitleMaxLength);
        builder.Property(s => s.AbstractEn).HasMaxLength(SaveSession.AbstractMaxLength);
        builder.Property(s => s.AbstractZh).HasMaxLength(SaveSession.AbstractMaxLength);
        builder.Property(s => s.Language).HasConversion<string>().HasMaxLength(24);
        // A session the public has seen is cancelled, never deleted: versions are history.
        builder.HasOne<Session>().WithMany().HasForeignKey(s => s.SessionId).OnDelete(DeleteBehavior.Restrict);
        builder.OwnsMany(s => s.Speakers, speaker =>
        {
            speaker.ToTable("PublishedSessionSpeakers");
            speaker.WithOwner().HasForeignKey("VersionId", "SessionId");
            speaker.Property<int>("Id");
            speaker.HasKey("Id");
            speaker.Property(p => p.Role).HasConversion<string>().HasMaxLength(24);
            speaker.HasIndex(p => p.SpeakerId);
        });
        builder.Navigation(s => s.Speakers).HasField("speakers").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
