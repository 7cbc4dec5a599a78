using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Summit.Core.Press;

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
