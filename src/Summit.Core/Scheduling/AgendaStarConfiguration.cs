using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Summit.Core.Scheduling;

internal sealed class AgendaStarConfiguration : IEntityTypeConfiguration<AgendaStar>
{
    public void Configure(EntityTypeBuilder<AgendaStar> builder)
    {
        builder.Property(s => s.UserId).HasMaxLength(450);
        builder.HasIndex(s => new { s.UserId, s.SessionId }).IsUnique();
        builder.HasIndex(s => s.SessionId);
        builder.HasOne<Accounts.SummitUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Session>().WithMany().HasForeignKey(s => s.SessionId).OnDelete(DeleteBehavior.Cascade);
    }
}
