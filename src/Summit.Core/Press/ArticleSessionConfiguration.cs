using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Summit.Core.Scheduling;

namespace Summit.Core.Press;

internal sealed class ArticleSessionConfiguration : IEntityTypeConfiguration<ArticleSession>
{
    public void Configure(EntityTypeBuilder<ArticleSession> builder)
    {
        builder.HasKey(s => new { s.ArticleId, s.SessionId });
        builder.HasOne<Article>().WithMany(a => a.Sessions).HasForeignKey(s => s.ArticleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Session>().WithMany().HasForeignKey(s => s.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => s.SessionId);
    }
}
