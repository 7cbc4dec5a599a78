using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Summit.Core.Editions;

namespace Summit.Core.Registrations;

internal sealed class RegistrationConfiguration : IEntityTypeConfiguration<Registration>
{
    public void Configure(EntityTypeBuilder<Registration> builder)
    {
        builder.HasOne<Edition>().WithMany().HasForeignKey(r => r.EditionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<RegistrationCategory>().WithMany().HasForeignKey(r => r.CategoryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<InvitationCode>().WithMany().HasForeignKey(r => r.InvitationCodeId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Accounts.SummitUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Speakers.Speaker>().WithMany().HasForeignKey(r => r.SpeakerId).OnDelete(DeleteBehavior.SetNull);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(r => new { r.EditionId, r.NormalizedEmail }).IsUnique();
        builder.HasIndex(r => new { r.CategoryId, r.Status, r.WaitlistTicket });
        // An edition's list newest first, its CSV and its print runs in order: read along this index, not sorted (SQLite
        // would otherwise take the (EditionId, NormalizedEmail) index and sort the edition's rows).
        builder.HasIndex(r => new { r.EditionId, r.Id });
        builder.HasIndex(r => r.AccessKey);
        builder.HasIndex(r => r.UserId);
        foreach (var name in new[] { nameof(Registration.FamilyNameZh), nameof(Registration.GivenNameZh), nameof(Registration.FamilyNameLatin), nameof(Registration.GivenNameLatin) })
        {
            builder.Property(name).HasMaxLength(RegisterAttendee.NameMaxLength);
        }

        builder.Property(r => r.Organisation).HasMaxLength(RegisterAttendee.TextMaxLength);
        builder.Property(r => r.Position).HasMaxLength(RegisterAttendee.TextMaxLength);
        builder.Property(r => r.Email).HasMaxLength(254);
        builder.Property(r => r.NormalizedEmail).HasMaxLength(254);
        builder.Property(r => r.Phone).HasMaxLength(40);
        builder.Property(r => r.CountryCode).HasMaxLength(2);
        builder.Property(r => r.PreferredCulture).HasMaxLength(10);
        builder.Property(r => r.DietaryNeeds).HasMaxLength(RegisterAttendee.NeedsMaxLength);
        builder.Property(r => r.AccessibilityNeeds).HasMaxLength(RegisterAttendee.NeedsMaxLength);
        builder.Property(r => r.ConsentVersion).HasMaxLength(40);
        builder.Property(r => r.AccessKey).HasMaxLength(64);
        builder.Property(r => r.UserId).HasMaxLength(450);
        builder.Property(r => r.BadgeRevision).HasDefaultValue(1);
        builder.Property(r => r.CheckedInDesk).HasMaxLength(CheckInAttendee.DeskMaxLength);
        builder.Property(r => r.BadgeCode).HasMaxLength(8);
        builder.HasIndex(r => r.BadgeCode).IsUnique();
    }
}
