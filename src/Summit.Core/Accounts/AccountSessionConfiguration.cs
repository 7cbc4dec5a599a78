using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Summit.Core.Accounts;

internal sealed class AccountSessionConfiguration : IEntityTypeConfiguration<AccountSession>
{
    public void Configure(EntityTypeBuilder<AccountSession> builder)
    {
        builder.ToTable("AccountSessions");
        builder.Property(s => s.Id).HasMaxLength(AccountSession.IdLength);
        builder.Property(s => s.UserId).HasMaxLength(450);
        builder.Property(s => s.Method).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.IpAddress).HasMaxLength(AccountSession.AddressLength);
        builder.Property(s => s.UserAgent).HasMaxLength(AccountSession.UserAgentLength);
        // An erased or deleted account takes its sessions with it.
        builder.HasOne<SummitUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => s.UserId);
        builder.HasIndex(s => s.ExpiresAt);
    }
}
