using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Summit.Core.Press;

internal sealed class ArticleEventConfiguration : IEntityTypeConfiguration<ArticleEvent>
{
    public void Configure(EntityTypeBuilder<ArticleEvent> builder)
    {
        builder.HasOne<Article>().WithMany().HasForeignKey(e => e.ArticleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => e.ArticleId);
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(e => e.By).HasMaxLength(254);
        builder.Property(e => e.Detail).HasMaxLength(ArticleEvent.DetailMaxLength);
    }
}
