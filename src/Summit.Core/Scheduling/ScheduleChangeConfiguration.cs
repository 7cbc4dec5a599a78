using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Summit.Core.Scheduling;

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
