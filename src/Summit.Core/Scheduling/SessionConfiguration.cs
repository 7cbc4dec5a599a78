using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Summit.Core.Editions;

namespace Summit.Core.Scheduling;

internal sealed class SessionConfiguration : IEntityTypeConfiguration<Session>
{
    public void Configure(EntityTypeBuilder<Session> builder)
    {
        builder.HasOne<Edition>().WithMany().HasForeignKey(s => s.EditionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => s.Uid).IsUnique();
        builder.HasIndex(s => new { s.EditionId, s.StartsAt });
        builder.Property(s => s.TitleEn).HasMaxLength(SaveSession.TitleMaxLength);
        builder.Property(s => s.TitleZh).HasMaxLength(SaveSession.TitleMaxLength);
        builder.Property(s => s.AbstractEn).HasMaxLength(SaveSession.AbstractMaxLength);
        builder.Property(s => s.AbstractZh).HasMaxLength(SaveSession.AbstractMaxLength);
        builder.Property(s => s.Language).HasConversion<string>().HasMaxLength(24);
        builder.ToTable(t => t.HasCheckConstraint("CK_Sessions_Seats", "\"SeatLimit\" IS NULL OR \"SeatsTaken\" <= \"SeatLimit\""));
        builder.HasOne<SessionType>().WithMany().HasForeignKey(s => s.TypeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Track>().WithMany().HasForeignKey(s => s.TrackId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Room>().WithMany().HasForeignKey(s => s.RoomId).OnDelete(DeleteBehavior.Restrict);
        builder.OwnsMany(s => s.Speakers, speaker =>
        {
            speaker.ToTable("SessionSpeakers");
            speaker.WithOwner().HasForeignKey("SessionId");
            speaker.Property<int>("Id");
            speaker.HasKey("Id");
            speaker.Property(p => p.Role).HasConversion<string>().HasMaxLength(24);
            speaker.HasOne<Speakers.Speaker>().WithMany().HasForeignKey(p => p.SpeakerId).OnDelete(DeleteBehavior.Cascade);
            speaker.HasIndex(p => p.SpeakerId);
        });
        builder.Navigation(s => s.Speakers).HasField("speakers").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
