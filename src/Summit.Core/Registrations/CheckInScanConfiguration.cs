using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Summit.Core.Registrations;

internal sealed class CheckInScanConfiguration : IEntityTypeConfiguration<CheckInScan>
{
    public void Configure(EntityTypeBuilder<CheckInScan> builder)
    {
        builder.HasOne<Editions.Edition>().WithMany().HasForeignKey(s => s.EditionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Registration>().WithMany().HasForeignKey(s => s.RegistrationId).OnDelete(DeleteBehavior.SetNull);
        builder.Property(s => s.Result).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Desk).HasMaxLength(CheckInAttendee.DeskMaxLength);
        builder.Property(s => s.ScannedBy).HasMaxLength(450);
        builder.HasIndex(s => new { s.EditionId, s.At });
    }
}
