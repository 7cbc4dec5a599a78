using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Summit.Core.Press;

internal sealed class ArticleTagConfiguration : IEntityTypeConfiguration<ArticleTag>
{
    public void Configure(EntityTypeBuilder<ArticleTag> builder)
    {
        builder.HasKey(t => new { t.ArticleId, t.Tag });
        builder.HasOne<Article>().WithMany(a => a.Tags).HasForeignKey(t => t.ArticleId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(t => t.Tag).HasMaxLength(ArticleTag.MaxLength);
        builder.HasIndex(t => t.Tag);
    }
}
