using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Summit.Core.Editions;

namespace Summit.Core.Webhooks;

internal sealed class WebhookEndpointConfiguration : IEntityTypeConfiguration<WebhookEndpoint>
{
    public void Configure(EntityTypeBuilder<WebhookEndpoint> builder)
    {
        builder.ToTable("WebhookEndpoints");
        builder.Property(e => e.Url).HasMaxLength(WebhookEndpoint.UrlMaxLength);
        builder.Property(e => e.Description).HasMaxLength(WebhookEndpoint.DescriptionMaxLength);
        builder.Property(e => e.EventTypes).HasMaxLength(400);
        builder.Property(e => e.Secret).HasMaxLength(64);
        builder.Property(e => e.CreatedBy).HasMaxLength(450);
        builder.Property(e => e.PausedReason).HasMaxLength(16);
        builder.Ignore(e => e.Types);
        builder.Ignore(e => e.Paused);
        builder.HasOne<Edition>().WithMany().HasForeignKey(e => e.EditionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => e.EditionId);
    }
}

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> builder)
    {
        builder.ToTable("WebhookDeliveries");
        builder.Property(d => d.EventId).HasMaxLength(36);
        builder.Property(d => d.EventType).HasMaxLength(40);
        builder.Property(d => d.Subject).HasMaxLength(100);
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.LastError).HasMaxLength(WebhookDelivery.ErrorMaxLength);
        builder.Property(d => d.LastResponse).HasMaxLength(WebhookDelivery.ResponseMaxLength);
        builder.HasOne<WebhookEndpoint>().WithMany().HasForeignKey(d => d.EndpointId).OnDelete(DeleteBehavior.Cascade);
        // The pump's questions: what is pending and due; is an earlier event of this object still on its way.
        builder.HasIndex(d => new { d.Status, d.NextAttemptAt });
        builder.HasIndex(d => new { d.EndpointId, d.Subject, d.Sequence });
        builder.HasIndex(d => d.ConsequenceId);
        builder.Property(d => d.LeaseToken).IsConcurrencyToken();
        builder.HasIndex(d => d.LeaseToken);
    }
}
