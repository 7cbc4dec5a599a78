using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Summit.Core.Consequences;

internal sealed class ConsequenceConfiguration : IEntityTypeConfiguration<Consequence>
{
    public void Configure(EntityTypeBuilder<Consequence> builder)
    {
        builder.ToTable("Consequences");
        builder.Property(c => c.Handler).HasMaxLength(Consequence.HandlerMaxLength);
        builder.Property(c => c.Queue).HasMaxLength(Consequence.QueueMaxLength);
        builder.Property(c => c.Subject).HasMaxLength(Consequence.SubjectMaxLength);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.LastError).HasMaxLength(Consequence.ErrorMaxLength);
        // The sweeper's question: what is pending and due; organizers' questions: what about this subject, what failed.
        builder.HasIndex(c => new { c.Status, c.NextAttemptAt });
        builder.HasIndex(c => c.Subject);
    }
}
