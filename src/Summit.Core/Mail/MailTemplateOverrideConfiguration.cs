using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Summit.Core.Mail;

internal sealed class MailTemplateOverrideConfiguration : IEntityTypeConfiguration<MailTemplateOverride>
{
    public void Configure(EntityTypeBuilder<MailTemplateOverride> builder)
    {
        builder.HasOne<Editions.Edition>().WithMany().HasForeignKey(o => o.EditionId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(o => o.Kind).HasMaxLength(64);
        builder.Property(o => o.Culture).HasMaxLength(16);
        builder.Property(o => o.Subject).HasMaxLength(200);
        builder.Property(o => o.Body).HasMaxLength(10000);
        builder.Property(o => o.UpdatedBy).HasMaxLength(254);
        builder.HasIndex(o => new { o.EditionId, o.Kind, o.Culture }).IsUnique();
    }
}
