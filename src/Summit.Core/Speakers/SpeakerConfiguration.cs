using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Summit.Core.Speakers;

internal sealed class SpeakerConfiguration : IEntityTypeConfiguration<Speaker>
{
    public void Configure(EntityTypeBuilder<Speaker> builder)
    {
        builder.HasIndex(s => s.Slug).IsUnique();
        builder.Property(s => s.Slug).HasMaxLength(SaveSpeaker.SlugMaxLength);
        builder.Property(s => s.FamilyNameZh).HasMaxLength(SaveSpeaker.NameMaxLength);
        builder.Property(s => s.GivenNameZh).HasMaxLength(SaveSpeaker.NameMaxLength);
        builder.Property(s => s.FamilyNameLatin).HasMaxLength(SaveSpeaker.NameMaxLength);
        builder.Property(s => s.GivenNameLatin).HasMaxLength(SaveSpeaker.NameMaxLength);
        builder.Property(s => s.HonorificEn).HasMaxLength(SaveSpeaker.HonorificMaxLength);
        builder.Property(s => s.HonorificZh).HasMaxLength(SaveSpeaker.HonorificMaxLength);
        builder.Property(s => s.CountryCode).HasMaxLength(2);
        builder.Property(s => s.BiographyEn).HasMaxLength(SaveSpeaker.BiographyMaxLength);
        builder.Property(s => s.BiographyZh).HasMaxLength(SaveSpeaker.BiographyMaxLength);
        builder.Property(s => s.ContactEmail).HasMaxLength(254);
        builder.HasIndex(s => s.FamilyNameLatin);
        builder.HasIndex(s => s.FamilyNameZh);
        builder.Property(s => s.UserId).HasMaxLength(450);
        builder.HasIndex(s => s.UserId).IsUnique();
        builder.HasOne<Accounts.SummitUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.SetNull);

        builder.OwnsMany(s => s.Positions, position =>
        {
            position.ToTable("SpeakerPositions");
            position.WithOwner().HasForeignKey("SpeakerId");
            position.Property<int>("Id");
            position.HasKey("Id");
            position.Property(p => p.TitleEn).HasMaxLength(SaveSpeaker.PositionPartMaxLength);
            position.Property(p => p.TitleZh).HasMaxLength(SaveSpeaker.PositionPartMaxLength);
            position.Property(p => p.OrganisationEn).HasMaxLength(SaveSpeaker.PositionPartMaxLength);
            position.Property(p => p.OrganisationZh).HasMaxLength(SaveSpeaker.PositionPartMaxLength);
        });
        builder.Navigation(s => s.Positions).HasField("positions").UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.OwnsMany(s => s.Links, link =>
        {
            link.ToTable("SpeakerLinks");
            link.WithOwner().HasForeignKey("SpeakerId");
            link.Property<int>("Id");
            link.HasKey("Id");
            link.Property(l => l.Kind).HasConversion<string>().HasMaxLength(16);
            link.Property(l => l.Url).HasMaxLength(SaveSpeaker.UrlMaxLength);
        });
        builder.Navigation(s => s.Links).HasField("links").UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.HasMany(s => s.Editions).WithOne().HasForeignKey(e => e.SpeakerId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(s => s.Editions).HasField("editions").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
