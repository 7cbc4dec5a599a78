using Microsoft.Extensions.Logging;

namespace Summit.Core.Registrations;

/// <summary>A registration moved from one status to another (From is null when it was just made).</summary>
public sealed record RegistrationChanged(int RegistrationId, RegistrationStatus? From, RegistrationStatus To, string? Message = null);

/// <summary>A person on a session's waiting list got a seat that became free.</summary>
public sealed record SignupPromoted(int RegistrationId, int SessionId);

/// <summary>Reacts to registration changes after they are committed: emails, badges, press accreditation.</summary>
public interface IRegistrationListener
{
    Task HandleAsync(RegistrationChanged change, CancellationToken cancellationToken);

    Task HandleAsync(SignupPromoted promoted, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>What a badge prints changed (a name, an organisation, the category) while the status stayed.</summary>
    Task HandleDetailsChangedAsync(int registrationId, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>What every badge of an edition (or of one of its categories) prints changed: a name, the dates, a colour.</summary>
    Task HandleBadgesChangedAsync(int editionId, int? categoryId, CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>Hands committed changes to every handler; one failing is logged and does not undo the change.</summary>
public sealed class RegistrationEvents(IEnumerable<IRegistrationListener> handlers, ILogger<RegistrationEvents> logger)
{
    /// <remarks>
    /// Listeners run to the end even if the request that caused the change is aborted (a browser closed, a client
    /// timed out): the change is committed, so its email must not be lost with the connection.
    /// </remarks>
    public Task RaiseAsync(IEnumerable<RegistrationChanged> changes, CancellationToken cancellationToken) =>
        RaiseAsync(changes, (handler, change) => handler.HandleAsync(change, CancellationToken.None), change => $"registration {change.RegistrationId} becoming {change.To}", cancellationToken);

    public Task RaiseDetailsChangedAsync(int registrationId, CancellationToken cancellationToken) =>
        RaiseAsync([registrationId], (handler, id) => handler.HandleDetailsChangedAsync(id, CancellationToken.None), id => $"registration {id} changing its details", cancellationToken);

    public Task RaiseBadgesChangedAsync(int editionId, int? categoryId, CancellationToken cancellationToken) =>
        RaiseAsync([(editionId, categoryId)], (handler, changed) => handler.HandleBadgesChangedAsync(changed.editionId, changed.categoryId, CancellationToken.None), changed => $"the badges of edition {changed.editionId} changing", cancellationToken);

    public Task RaiseAsync(IEnumerable<SignupPromoted> promotions, CancellationToken cancellationToken) =>
        RaiseAsync(promotions, (handler, promoted) => handler.HandleAsync(promoted, CancellationToken.None), promoted => $"registration {promoted.RegistrationId} seated at session {promoted.SessionId}", cancellationToken);

    private async Task RaiseAsync<T>(IEnumerable<T> changes, Func<IRegistrationListener, T, Task> handle, Func<T, string> describe, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        _ = cancellationToken;
        foreach (var change in changes)
        {
            foreach (var handler in handlers)
            {
                try
                {
                    await handle(handler, change);
                }
#pragma warning disable CA1031 // The change is committed; a handler's failure (a queue down) is logged, and the mail log has its own catch-up.
                catch (Exception exception)
#pragma warning restore CA1031
                {
                    logger.LogError(exception, "{Handler} failed on {Change}.", handler.GetType().Name, describe(change));
                }
            }
        }
    }
}
