using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Summit.Core.Press;

internal sealed class ArticleAuthorConfiguration : IEntityTypeConfiguration<ArticleAuthor>
{
    public void Configure(EntityTypeBuilder<ArticleAuthor> builder)
    {
        builder.HasKey(a => new { a.ArticleId, a.UserId });
        builder.HasOne<Article>().WithMany(a => a.Authors).HasForeignKey(a => a.ArticleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Accounts.SummitUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(a => a.Name).HasMaxLength(ArticleAuthor.NameMaxLength);
        builder.Property(a => a.NameZh).HasMaxLength(ArticleAuthor.NameMaxLength);
        builder.HasIndex(a => a.UserId);
    }
}
