using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Summit.Core.Editions;

namespace Summit.Core.Registrations;

internal sealed class RegistrationCategoryConfiguration : IEntityTypeConfiguration<RegistrationCategory>
{
    public void Configure(EntityTypeBuilder<RegistrationCategory> builder)
    {
        builder.ToTable("RegistrationCategories");
        builder.HasOne<Edition>().WithMany().HasForeignKey(c => c.EditionId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(c => c.NameEn).HasMaxLength(SaveCategory.NameMaxLength);
        builder.Property(c => c.NameZh).HasMaxLength(SaveCategory.NameMaxLength);
        builder.Property(c => c.DescriptionEn).HasMaxLength(SaveCategory.DescriptionMaxLength);
        builder.Property(c => c.DescriptionZh).HasMaxLength(SaveCategory.DescriptionMaxLength);
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.BadgeColour).HasMaxLength(7);
        builder.ToTable(t => t.HasCheckConstraint("CK_RegistrationCategories_Seats", "\"Capacity\" IS NULL OR \"Confirmed\" <= \"Capacity\""));
    }
}
