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

internal sealed class SessionTypeConfiguration : IEntityTypeConfiguration<SessionType>
{
    public void Configure(EntityTypeBuilder<SessionType> builder)
    {
        builder.HasOne<Edition>().WithMany().HasForeignKey(t => t.EditionId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(t => t.NameEn).HasMaxLength(SaveProgrammeItem.NameMaxLength);
        builder.Property(t => t.NameZh).HasMaxLength(SaveProgrammeItem.NameMaxLength);
    }
}

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

internal sealed class ScheduleVersionConfiguration : IEntityTypeConfiguration<ScheduleVersion>
{
    public void Configure(EntityTypeBuilder<ScheduleVersion> builder)
    {
        builder.HasOne<Edition>().WithMany().HasForeignKey(v => v.EditionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(v => new { v.EditionId, v.Number }).IsUnique();
        builder.Property(v => v.Name).HasMaxLength(PublishSchedule.NoteMaxLength + 16);
        builder.Property(v => v.PublishedBy).HasMaxLength(450);
        builder.HasMany(v => v.Sessions).WithOne().HasForeignKey(s => s.VersionId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(v => v.Sessions).HasField("sessions").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(v => v.Changes).WithOne().HasForeignKey(c => c.VersionId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(v => v.Changes).HasField("changes").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

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

internal sealed class ScheduleChangeConfiguration : IEntityTypeConfiguration<ScheduleChange>
{
    public void Configure(EntityTypeBuilder<ScheduleChange> builder)
    {
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(24);
        builder.Property(c => c.TitleEn).HasMaxLength(SaveSession.TitleMaxLength);
        builder.Property(c => c.TitleZh).HasMaxLength(SaveSession.TitleMaxLength);
        builder.Property(c => c.SpeakersBefore).HasMaxLength(400);
        builder.Property(c => c.SpeakersAfter).HasMaxLength(400);
        builder.HasIndex(c => c.SessionId);
    }
}

internal sealed class AgendaStarConfiguration : IEntityTypeConfiguration<AgendaStar>
{
    public void Configure(EntityTypeBuilder<AgendaStar> builder)
    {
        builder.Property(s => s.UserId).HasMaxLength(450);
        builder.HasIndex(s => new { s.UserId, s.SessionId }).IsUnique();
        builder.HasIndex(s => s.SessionId);
        builder.HasOne<Accounts.SummitUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Session>().WithMany().HasForeignKey(s => s.SessionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AgendaFeedConfiguration : IEntityTypeConfiguration<AgendaFeed>
{
    public void Configure(EntityTypeBuilder<AgendaFeed> builder)
    {
        builder.HasKey(f => f.UserId);
        builder.Property(f => f.UserId).HasMaxLength(450);
        builder.Property(f => f.TokenHash).HasMaxLength(64);
        builder.HasIndex(f => f.TokenHash).IsUnique();
        builder.HasOne<Accounts.SummitUser>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
