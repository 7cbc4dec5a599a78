using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Summit.Core.Speakers;

namespace Summit.Core.Press;

internal sealed class ArticleSpeakerConfiguration : IEntityTypeConfiguration<ArticleSpeaker>
{
    public void Configure(EntityTypeBuilder<ArticleSpeaker> builder)
    {
        builder.HasKey(s => new { s.ArticleId, s.SpeakerId });
        builder.HasOne<Article>().WithMany(a => a.Speakers).HasForeignKey(s => s.ArticleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Speaker>().WithMany().HasForeignKey(s => s.SpeakerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => s.SpeakerId);
    }
}
