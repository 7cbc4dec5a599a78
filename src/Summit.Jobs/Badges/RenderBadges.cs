using Hangfire;
using Summit.Core.Consequences;
using Summit.Core.Registrations;

namespace Summit.Jobs.Badges;

/// <summary>
/// The badge follows the registration: drawn when it becomes confirmed, removed when it stops being so, redrawn
/// when what it prints changes; a change to a whole edition's or category's badges starts a refresh job of its own
/// (thousands of badges outlast a consequence's lease). Idempotent: <see cref="RenderBadgeJob"/> compares the
/// badge's fingerprint first. Do not rename: consequences store the name.
/// </summary>
public sealed class RenderBadges(RenderBadgeJob render, IBackgroundJobClient jobs)
    : IConsequenceHandler<RegistrationChanged>, IConsequenceHandler<RegistrationDetailsChanged>, IConsequenceHandler<BadgesChanged>
{
    /// <summary>A badge exists only for a confirmed registration: other changes leave it alone (and get no row).</summary>
    public static bool Concerns(RegistrationChanged change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return change.To == RegistrationStatus.Confirmed || change.From == RegistrationStatus.Confirmed;
    }

    public Task HandleAsync(RegistrationChanged happened, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(happened);
        return Concerns(happened) ? render.RunAsync(happened.RegistrationId, cancellationToken) : Task.CompletedTask;
    }

    public Task HandleAsync(RegistrationDetailsChanged happened, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(happened);
        return render.RunAsync(happened.RegistrationId, cancellationToken);
    }

    public Task HandleAsync(BadgesChanged happened, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(happened);
        jobs.Enqueue<RefreshBadgesJob>(job => job.RunAsync(happened.EditionId, happened.CategoryId, CancellationToken.None));
        return Task.CompletedTask;
    }
}
