using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Summit.Core.Registrations;

internal sealed class BadgeSheetEntryConfiguration : IEntityTypeConfiguration<BadgeSheetEntry>
{
    public void Configure(EntityTypeBuilder<BadgeSheetEntry> builder)
    {
        builder.HasKey(e => new { e.BadgeSheetId, e.RegistrationId });
        builder.HasOne<BadgeSheet>().WithMany(s => s.Entries).HasForeignKey(e => e.BadgeSheetId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Registration>().WithMany().HasForeignKey(e => e.RegistrationId).OnDelete(DeleteBehavior.Cascade);
    }
}
