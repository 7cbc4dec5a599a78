using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Summit.Core.Mail;

internal sealed class OutgoingMailConfiguration : IEntityTypeConfiguration<OutgoingMail>
{
    public void Configure(EntityTypeBuilder<OutgoingMail> builder)
    {
        builder.ToTable("OutgoingMail");
        builder.Property(m => m.Kind).HasMaxLength(64);
        builder.Property(m => m.ToAddress).HasMaxLength(254);
        builder.Property(m => m.ToName).HasMaxLength(200);
        builder.Property(m => m.Culture).HasMaxLength(16);
        builder.Property(m => m.Subject).HasMaxLength(300);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.LastError).HasMaxLength(2000);
        builder.Property(m => m.Version).IsConcurrencyToken();
        builder.Property(m => m.CreatedAt);
        builder.Property(m => m.Entity).HasMaxLength(64);
        builder.Property(m => m.EntityVersion).HasMaxLength(64);
        builder.Property(m => m.DedupKey).HasMaxLength(64);
        builder.HasIndex(m => new { m.Status, m.CreatedAt });
        builder.HasIndex(m => m.DedupKey).IsUnique();
        builder.HasIndex(m => m.Entity);
        builder.HasIndex(m => m.ToAddress);
        builder.HasMany(m => m.Attachments).WithOne().HasForeignKey("MailId").OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(m => m.Attachments).HasField("attachments").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
