using Hangfire;
using Summit.Core.Registrations;

namespace Summit.Jobs.Badges;

/// <summary>Queues the badge whenever a registration becomes confirmed, stops being so, or changes what is printed.</summary>
public sealed class QueueBadges(IBackgroundJobClient jobs) : IRegistrationListener
{
    public Task HandleAsync(RegistrationChanged change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (change.To == RegistrationStatus.Confirmed || change.From == RegistrationStatus.Confirmed)
        {
            jobs.Enqueue<RenderBadgeJob>(job => job.RunAsync(change.RegistrationId, CancellationToken.None));
        }

        return Task.CompletedTask;
    }

    public Task HandleDetailsChangedAsync(int registrationId, CancellationToken cancellationToken)
    {
        jobs.Enqueue<RenderBadgeJob>(job => job.RunAsync(registrationId, CancellationToken.None));
        return Task.CompletedTask;
    }

    public Task HandleBadgesChangedAsync(int editionId, int? categoryId, CancellationToken cancellationToken)
    {
        jobs.Enqueue<RefreshBadgesJob>(job => job.RunAsync(editionId, categoryId, CancellationToken.None));
        return Task.CompletedTask;
    }
}
