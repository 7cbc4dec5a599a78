using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Summit.Core.Press;

internal sealed class ArticleCorrectionConfiguration : IEntityTypeConfiguration<ArticleCorrection>
{
    public void Configure(EntityTypeBuilder<ArticleCorrection> builder)
    {
        builder.HasOne<Article>().WithMany(a => a.Corrections).HasForeignKey(c => c.ArticleId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(c => c.Note).HasMaxLength(ArticleCorrection.NoteMaxLength);
        builder.Property(c => c.By).HasMaxLength(254);
    }
}
