using Microsoft.Extensions.Logging;

namespace Summit.Core.Registrations;

/// <summary>A registration moved from one status to another (From is null when it was just made).</summary>
public sealed record RegistrationChanged(int RegistrationId, RegistrationStatus? From, RegistrationStatus To, string? Message = null);

/// <summary>Reacts to registration changes after they are committed: emails now, badges later.</summary>
public interface IRegistrationListener
{
    Task HandleAsync(RegistrationChanged change, CancellationToken cancellationToken);
}

/// <summary>Hands committed changes to every handler; one failing is logged and does not undo the change.</summary>
public sealed class RegistrationEvents(IEnumerable<IRegistrationListener> handlers, ILogger<RegistrationEvents> logger)
{
    /// <remarks>
    /// Listeners run to the end even if the request that caused the change is aborted (a browser closed, a client
    /// timed out): the change is committed, so its email must not be lost with the connection.
    /// </remarks>
    public async Task RaiseAsync(IEnumerable<RegistrationChanged> changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        _ = cancellationToken;
        cancellationToken = CancellationToken.None;
        foreach (var change in changes)
        {
            foreach (var handler in handlers)
            {
                try
                {
                    await handler.HandleAsync(change, cancellationToken).ConfigureAwait(false);
                }
#pragma warning disable CA1031 // The change is committed; a handler's failure (a queue down) is logged, and the mail log has its own catch-up.
                catch (Exception exception)
#pragma warning restore CA1031
                {
                    logger.LogError(exception, "{Handler} failed on registration {Registration} becoming {Status}.", handler.GetType().Name, change.RegistrationId, change.To);
                }
            }
        }
    }
}
