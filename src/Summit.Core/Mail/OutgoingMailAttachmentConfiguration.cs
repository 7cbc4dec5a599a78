using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Summit.Core.Mail;

internal sealed class OutgoingMailAttachmentConfiguration : IEntityTypeConfiguration<OutgoingMailAttachment>
{
    public void Configure(EntityTypeBuilder<OutgoingMailAttachment> builder)
    {
        builder.ToTable("OutgoingMailAttachments");
        builder.Property(a => a.FileName).HasMaxLength(200);
        builder.Property(a => a.ContentType).HasMaxLength(100);
    }
}
