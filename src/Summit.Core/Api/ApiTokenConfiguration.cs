using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Summit.Core.Api;

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> builder)
    {
        builder.ToTable("ApiTokens");
        builder.Property(t => t.Name).HasMaxLength(ApiToken.NameLength);
        builder.Property(t => t.Prefix).HasMaxLength(ApiToken.PrefixLength);
        builder.Property(t => t.TokenHash).HasMaxLength(64);
        builder.Property(t => t.Scopes).HasMaxLength(400);
        builder.Property(t => t.EditionIds).HasMaxLength(400);
        builder.Property(t => t.CreatedBy).HasMaxLength(450);
        builder.Property(t => t.LastUsedFrom).HasMaxLength(45);
        builder.HasIndex(t => t.TokenHash).IsUnique();
    }
}
