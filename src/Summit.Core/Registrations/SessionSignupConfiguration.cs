using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Summit.Core.Scheduling;

namespace Summit.Core.Registrations;

internal sealed class SessionSignupConfiguration : IEntityTypeConfiguration<SessionSignup>
{
    public void Configure(EntityTypeBuilder<SessionSignup> builder)
    {
        builder.HasOne<Session>().WithMany().HasForeignKey(s => s.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Registration>().WithMany().HasForeignKey(s => s.RegistrationId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(s => new { s.SessionId, s.RegistrationId }).IsUnique();
        builder.HasIndex(s => new { s.SessionId, s.Status, s.WaitlistTicket });
        builder.HasIndex(s => s.RegistrationId);
    }
}
