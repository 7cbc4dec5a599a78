using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Summit.Core.Scheduling;

internal sealed class AgendaFeedConfiguration : IEntityTypeConfiguration<AgendaFeed>
{
    public void Configure(EntityTypeBuilder<AgendaFeed> builder)
    {
        builder.HasKey(f => f.UserId);
        builder.Property(f => f.UserId).HasMaxLength(450);
        builder.Property(f => f.TokenHash).HasMaxLength(64);
        builder.Property(f => f.ProtectedToken).HasMaxLength(1000);
        builder.HasIndex(f => f.TokenHash).IsUnique();
        builder.HasOne<Accounts.SummitUser>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
