using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Summit.Core.Mail;

internal sealed class BulkMailConfiguration : IEntityTypeConfiguration<BulkMail>
{
    public const int SubjectMaxLength = 200;
    public const int BodyMaxLength = 10000;

    public void Configure(EntityTypeBuilder<BulkMail> builder)
    {
        builder.HasOne<Editions.Edition>().WithMany().HasForeignKey(b => b.EditionId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(b => b.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(b => b.SubjectEn).HasMaxLength(SubjectMaxLength);
        builder.Property(b => b.SubjectZh).HasMaxLength(SubjectMaxLength);
        builder.Property(b => b.BodyEn).HasMaxLength(BodyMaxLength);
        builder.Property(b => b.BodyZh).HasMaxLength(BodyMaxLength);
        builder.Property(b => b.CreatedBy).HasMaxLength(254);
        builder.Property(b => b.RequestKey).HasMaxLength(64);
        builder.HasIndex(b => b.RequestKey).IsUnique();
        builder.Ignore(b => b.Segment);
        builder.Ignore(b => b.Entity);
    }
}
