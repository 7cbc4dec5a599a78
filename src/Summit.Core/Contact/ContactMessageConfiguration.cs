using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Summit.Core.Contact;

internal sealed class ContactMessageConfiguration : IEntityTypeConfiguration<ContactMessage>
{
    public void Configure(EntityTypeBuilder<ContactMessage> builder)
    {
        builder.Property(m => m.Name).HasMaxLength(ContactMessage.NameMaxLength);
        builder.Property(m => m.Email).HasMaxLength(ContactMessage.EmailMaxLength);
        builder.Property(m => m.Subject).HasMaxLength(ContactMessage.SubjectMaxLength);
        builder.Property(m => m.Body).HasMaxLength(ContactMessage.BodyMaxLength);
        builder.Property(m => m.Culture).HasMaxLength(16);
        builder.Property(m => m.ReadBy).HasMaxLength(256);
        builder.HasIndex(m => m.ReceivedAt);
    }
}
