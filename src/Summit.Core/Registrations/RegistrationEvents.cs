using Microsoft.Extensions.Logging;

namespace Summit.Core.Registrations;

/// <summary>A registration moved from one status to another (From is null when it was just made).</summary>
public sealed record RegistrationChanged(int RegistrationId, RegistrationStatus? From, RegistrationStatus To, string? Message = null);

/// <summary>A person on a session's waiting list got a seat that became free.</summary>
public sealed record SignupPromoted(int RegistrationId, int SessionId);

/// <summary>Reacts to registration changes after they are committed: emails now, badges later.</summary>
public interface IRegistrationListener
{
    Task HandleAsync(RegistrationChanged change, CancellationToken cancellationToken);

    Task HandleAsync(SignupPromoted promoted, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>What a badge prints changed (a name, an organisation, the category) while the status stayed.</summary>
    Task HandleDetailsChangedAsync(int registrationId, CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>Hands committed changes to every handler; one failing is logged and does not undo the change.</summary>
public sealed class RegistrationEvents(IEnumerable<IRegistrationListener> handlers, ILogger<RegistrationEvents> logger)
{
    /// <remarks>
    /// Listeners run to the end even if the request that caused the change is aborted (a browser closed, a client
    /// timed out): the change is committed, so its email must not be lost with the connection.
    /// </remarks>
    public Task RaiseAsync(IEnumerable<RegistrationChanged> changes, CancellationToken cancellationToken) =>
        RaiseAsync(changes, (handler, change) => handler.HandleAsync(change, CancellationToken.None), change => (change.RegistrationId, change.To.ToString()), cancellationToken);

    public Task RaiseDetailsChangedAsync(int registrationId, CancellationToken cancellationToken) =>
        RaiseAsync([registrationId], (handler, id) => handler.HandleDetailsChangedAsync(id, CancellationToken.None), id => (id, "details changed"), cancellationToken);

    public Task RaiseAsync(IEnumerable<SignupPromoted> promotions, CancellationToken cancellationToken) =>
        RaiseAsync(promotions, (handler, promoted) => handler.HandleAsync(promoted, CancellationToken.None), promoted => (promoted.RegistrationId, $"seated at session {promoted.SessionId}"), cancellationToken);

    private async Task RaiseAsync<T>(IEnumerable<T> changes, Func<IRegistrationListener, T, Task> handle, Func<T, (int Registration, string Status)> describe, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        _ = cancellationToken;
        foreach (var change in changes)
        {
            foreach (var handler in handlers)
            {
                try
                {
                    await handle(handler, change).ConfigureAwait(false);
                }
#pragma warning disable CA1031 // The change is committed; a handler's failure (a queue down) is logged, and the mail log has its own catch-up.
                catch (Exception exception)
#pragma warning restore CA1031
                {
                    var (registration, status) = describe(change);
                    logger.LogError(exception, "{Handler} failed on registration {Registration} becoming {Status}.", handler.GetType().Name, registration, status);
                }
            }
        }
    }
}
