using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Summit.Core.Press;

internal sealed class ArticlePhotoConfiguration : IEntityTypeConfiguration<ArticlePhoto>
{
    public void Configure(EntityTypeBuilder<ArticlePhoto> builder)
    {
        builder.HasOne<Article>().WithMany(a => a.Photos).HasForeignKey(p => p.ArticleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => new { p.ArticleId, p.Number }).IsUnique();
        builder.HasIndex(p => p.Key).IsUnique();
        builder.Property(p => p.Key).HasMaxLength(32);
        builder.Property(p => p.CaptionEn).HasMaxLength(ArticlePhoto.CaptionMaxLength);
        builder.Property(p => p.CaptionZh).HasMaxLength(ArticlePhoto.CaptionMaxLength);
        builder.Property(p => p.Credit).HasMaxLength(Speakers.SpeakerPhoto.CreditMaxLength);
        builder.Property(p => p.UploadedBy).HasMaxLength(254);
    }
}
