using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Summit.Core.Editions;
using Summit.Core.Scheduling;
using Summit.Core.Speakers;

namespace Summit.Core.Press;

internal sealed class ArticleConfiguration : IEntityTypeConfiguration<Article>
{
    public void Configure(EntityTypeBuilder<Article> builder)
    {
        builder.HasOne<Edition>().WithMany().HasForeignKey(a => a.EditionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => a.Slug).IsUnique();
        builder.HasIndex(a => new { a.Status, a.PublishAt });
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.SignOff).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.PublishAnchor).HasConversion<string>().HasMaxLength(8);
        builder.Property(a => a.Slug).HasMaxLength(Article.SlugMaxLength);
        builder.Property(a => a.HeadlineEn).HasMaxLength(Article.HeadlineMaxLength);
        builder.Property(a => a.HeadlineZh).HasMaxLength(Article.HeadlineMaxLength);
        builder.Property(a => a.LeadEn).HasMaxLength(Article.LeadMaxLength);
        builder.Property(a => a.LeadZh).HasMaxLength(Article.LeadMaxLength);
        builder.Property(a => a.BodyEn).HasMaxLength(Article.BodyMaxLength);
        builder.Property(a => a.BodyZh).HasMaxLength(Article.BodyMaxLength);
        builder.Property(a => a.DatelineEn).HasMaxLength(Article.DatelineMaxLength);
        builder.Property(a => a.DatelineZh).HasMaxLength(Article.DatelineMaxLength);
        builder.Property(a => a.SeoTitle).HasMaxLength(Article.SeoTitleMaxLength);
        builder.Property(a => a.SeoDescription).HasMaxLength(Article.SeoDescriptionMaxLength);
        builder.Property(a => a.QuotedPassages).HasMaxLength(Article.QuotesMaxLength);
        builder.Property(a => a.SignOffTokenHash).HasMaxLength(64);
        builder.Property(a => a.SignOffComment).HasMaxLength(Article.CommentMaxLength);
        builder.Property(a => a.SignOffOverriddenBy).HasMaxLength(254);
        builder.Property(a => a.ScheduledBy).HasMaxLength(254);
        builder.Property(a => a.StatusNote).HasMaxLength(Article.CommentMaxLength);
        builder.Property(a => a.CreatedBy).HasMaxLength(254);
        builder.Property(a => a.ConcurrencyStamp).HasMaxLength(32).IsConcurrencyToken();
        builder.HasOne<Speaker>().WithMany().HasForeignKey(a => a.SignOffSpeakerId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Session>().WithMany().HasForeignKey(a => a.PublishSessionId).OnDelete(DeleteBehavior.SetNull);
    }
}
