using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Summit.Core.Editions;

namespace Summit.Core.Registrations;

internal sealed class InvitationCodeConfiguration : IEntityTypeConfiguration<InvitationCode>
{
    public void Configure(EntityTypeBuilder<InvitationCode> builder)
    {
        builder.HasOne<Edition>().WithMany().HasForeignKey(c => c.EditionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<RegistrationCategory>().WithMany().HasForeignKey(c => c.CategoryId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(c => c.Code).HasMaxLength(RegisterAttendee.CodeMaxLength);
        builder.HasIndex(c => new { c.EditionId, c.Code }).IsUnique();
        builder.Property(c => c.Note).HasMaxLength(200);
        builder.ToTable(t => t.HasCheckConstraint("CK_InvitationCodes_Uses", "\"Uses\" <= \"MaxUses\""));
    }
}
