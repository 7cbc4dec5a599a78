using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Summit.Core.Press;

internal sealed class ArticleContributorConfiguration : IEntityTypeConfiguration<ArticleContributor>
{
    public void Configure(EntityTypeBuilder<ArticleContributor> builder)
    {
        builder.HasIndex(c => new { c.ArticleId, c.Order });
        builder.HasOne<Article>().WithMany(a => a.Contributors).HasForeignKey(c => c.ArticleId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(c => c.Name).HasMaxLength(ArticleContributor.NameMaxLength);
        builder.Property(c => c.Role).HasMaxLength(ArticleContributor.RoleMaxLength);
        builder.Property(c => c.NameZh).HasMaxLength(ArticleContributor.NameMaxLength);
        builder.Property(c => c.RoleZh).HasMaxLength(ArticleContributor.RoleMaxLength);
    }
}
