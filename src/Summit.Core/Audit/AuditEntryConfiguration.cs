using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Summit.Core.Audit;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditEntries");
        builder.Ignore(e => e.ChangeList);
        builder.Property(e => e.ActorKind).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.ActorName).HasMaxLength(AuditEntry.ActorNameMaxLength);
        builder.Property(e => e.ActorUserId).HasMaxLength(450);
        builder.Property(e => e.Address).HasMaxLength(AuditEntry.AddressMaxLength);
        builder.Property(e => e.ObjectType).HasMaxLength(AuditEntry.ObjectTypeMaxLength);
        builder.Property(e => e.ObjectId).HasMaxLength(AuditEntry.ObjectIdMaxLength);
        builder.Property(e => e.Label).HasMaxLength(AuditEntry.LabelMaxLength);
        builder.Property(e => e.Action).HasMaxLength(AuditEntry.ActionMaxLength);
        // The questions asked of it: an object's history; an edition's log newest first; one person's writes; pruning by age.
        builder.HasIndex(e => new { e.ObjectType, e.ObjectId, e.At });
        builder.HasIndex(e => new { e.EditionId, e.At });
        builder.HasIndex(e => new { e.ActorName, e.At });
        builder.HasIndex(e => e.At);
    }
}
