using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Summit.Core.Editions;

namespace Summit.Core.Scheduling;

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
