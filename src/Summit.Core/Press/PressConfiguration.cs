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

internal sealed class ArticleAuthorConfiguration : IEntityTypeConfiguration<ArticleAuthor>
{
    public void Configure(EntityTypeBuilder<ArticleAuthor> builder)
    {
        builder.HasKey(a => new { a.ArticleId, a.UserId });
        builder.HasOne<Article>().WithMany(a => a.Authors).HasForeignKey(a => a.ArticleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Accounts.SummitUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(a => a.Name).HasMaxLength(ArticleAuthor.NameMaxLength);
        builder.HasIndex(a => a.UserId);
    }
}

internal sealed class ArticleContributorConfiguration : IEntityTypeConfiguration<ArticleContributor>
{
    public void Configure(EntityTypeBuilder<ArticleContributor> builder)
    {
        builder.HasIndex(c => new { c.ArticleId, c.Order });
        builder.HasOne<Article>().WithMany(a => a.Contributors).HasForeignKey(c => c.ArticleId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(c => c.Name).HasMaxLength(ArticleContributor.NameMaxLength);
        builder.Property(c => c.Role).HasMaxLength(ArticleContributor.RoleMaxLength);
    }
}

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

internal sealed class ArticleCorrectionConfiguration : IEntityTypeConfiguration<ArticleCorrection>
{
    public void Configure(EntityTypeBuilder<ArticleCorrection> builder)
    {
        builder.HasOne<Article>().WithMany(a => a.Corrections).HasForeignKey(c => c.ArticleId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(c => c.Note).HasMaxLength(ArticleCorrection.NoteMaxLength);
        builder.Property(c => c.By).HasMaxLength(254);
    }
}

internal sealed class ArticleRevisionConfiguration : IEntityTypeConfiguration<ArticleRevision>
{
    public void Configure(EntityTypeBuilder<ArticleRevision> builder)
    {
        builder.HasOne<Article>().WithMany().HasForeignKey(r => r.ArticleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.ArticleId, r.Number }).IsUnique();
        builder.Property(r => r.SavedBy).HasMaxLength(254);
        builder.Property(r => r.Note).HasMaxLength(ArticleCorrection.NoteMaxLength);
    }
}

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
