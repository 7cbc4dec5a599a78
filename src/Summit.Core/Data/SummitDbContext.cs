using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Summit.Core.Accounts;
using Summit.Core.Contact;
using Summit.Core.Editions;
using Summit.Core.Mail;
using Summit.Core.Registrations;
using Summit.Core.Scheduling;
using Summit.Core.Speakers;

namespace Summit.Core.Data;

/// <summary>
/// The one model of Summit. It is abstract because each database engine gets a subclass of its own,
/// so that each keeps its own migrations (see docs/decisions/0002-migrations-per-provider.md).
/// </summary>
public abstract class SummitDbContext : IdentityDbContext<SummitUser>, IDataProtectionKeyContext
{
    /// <summary>The Identity options of every process (<see cref="IdentityRules"/>), for a context built without the app's services.</summary>
    private static readonly Lazy<IServiceProvider> IdentityDefaults = new(() =>
        new ServiceCollection().Configure<Microsoft.AspNetCore.Identity.IdentityOptions>(IdentityRules.Configure).BuildServiceProvider());

    protected SummitDbContext(DbContextOptions options)
        : base(options)
    {
    }

    /// <summary>
    /// Identity reads its schema version (Version3: passkeys) from the application's services. A context built by
    /// hand (the design-time tools, tests) has none, and would get Identity's first schema: it gets the same options.
    /// </summary>
    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        ArgumentNullException.ThrowIfNull(optionsBuilder);
        if (optionsBuilder.Options.FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider is null)
        {
            optionsBuilder.UseApplicationServiceProvider(IdentityDefaults.Value);
        }
    }

    public DbSet<Edition> Editions => Set<Edition>();

    public DbSet<ContactMessage> ContactMessages => Set<ContactMessage>();

    public DbSet<Speaker> Speakers => Set<Speaker>();

    public DbSet<SpeakerPhoto> SpeakerPhotos => Set<SpeakerPhoto>();

    public DbSet<SpeakerInvitation> SpeakerInvitations => Set<SpeakerInvitation>();

    public DbSet<Venue> Venues => Set<Venue>();

    public DbSet<Room> Rooms => Set<Room>();

    public DbSet<Track> Tracks => Set<Track>();

    public DbSet<SessionType> SessionTypes => Set<SessionType>();

    public DbSet<Session> Sessions => Set<Session>();

    public DbSet<SpeakerAvailability> SpeakerAvailabilities => Set<SpeakerAvailability>();

    public DbSet<ScheduleVersion> ScheduleVersions => Set<ScheduleVersion>();

    public DbSet<PublishedSession> PublishedSessions => Set<PublishedSession>();

    public DbSet<ScheduleChange> ScheduleChanges => Set<ScheduleChange>();

    public DbSet<AgendaStar> AgendaStars => Set<AgendaStar>();

    public DbSet<AgendaFeed> AgendaFeeds => Set<AgendaFeed>();

    public DbSet<RegistrationCategory> RegistrationCategories => Set<RegistrationCategory>();

    public DbSet<Registration> Registrations => Set<Registration>();

    public DbSet<InvitationCode> InvitationCodes => Set<InvitationCode>();

    public DbSet<SessionSignup> SessionSignups => Set<SessionSignup>();

    public DbSet<CheckInScan> CheckInScans => Set<CheckInScan>();

    public DbSet<BadgeSheet> BadgeSheets => Set<BadgeSheet>();

    public DbSet<BadgeSheetEntry> BadgeSheetEntries => Set<BadgeSheetEntry>();

    public DbSet<Press.Article> Articles => Set<Press.Article>();

    public DbSet<Press.ArticleRevision> ArticleRevisions => Set<Press.ArticleRevision>();

    public DbSet<Press.ArticleEvent> ArticleEvents => Set<Press.ArticleEvent>();

    public DbSet<Press.ArticlePhoto> ArticlePhotos => Set<Press.ArticlePhoto>();

    public DbSet<OutgoingMail> OutgoingMails => Set<OutgoingMail>();

    public DbSet<BulkMail> BulkMails => Set<BulkMail>();

    public DbSet<MailTemplateOverride> MailTemplateOverrides => Set<MailTemplateOverride>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Consequences.Consequence> Consequences => Set<Consequences.Consequence>();

    public DbSet<Audit.AuditEntry> AuditEntries => Set<Audit.AuditEntry>();

    public DbSet<Api.ApiToken> ApiTokens => Set<Api.ApiToken>();

    public DbSet<Accounts.AccountSession> AccountSessions => Set<Accounts.AccountSession>();

    public DbSet<Webhooks.WebhookEndpoint> WebhookEndpoints => Set<Webhooks.WebhookEndpoint>();

    public DbSet<Webhooks.WebhookDelivery> WebhookDeliveries => Set<Webhooks.WebhookDelivery>();

    public DbSet<Files.FileRecord> StoredFiles => Set<Files.FileRecord>();

    public DbSet<Files.FileChunk> StoredFileChunks => Set<Files.FileChunk>();

    public DbSet<Limits.RateLimitWindow> RateLimitWindows => Set<Limits.RateLimitWindow>();

    /// <summary>Saves the changes with their audit entries, in one transaction (decision 0015).</summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var clock = this.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider?.GetService<TimeProvider>() ?? TimeProvider.System;
        var trail = await Audit.AuditTrail.CaptureAsync(this, clock.GetUtcNow(), Audit.AuditActor.Current, cancellationToken);
        if (trail.IsEmpty)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        if (!trail.NeedsKeys || !acceptAllChangesOnSuccess)
        {
            trail.AddTo(this);
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        var own = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            trail.AddTo(this);
            await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (own is not null)
            {
                await own.CommitAsync(cancellationToken);
            }

            return saved;
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync();
            }
        }
    }

    /// <summary>Summit saves asynchronously; a synchronous save takes the same path so that it is audited too.</summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(SummitDbContext).Assembly);
    }
}
