using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Summit.Core.Consequences;

/// <summary>Starts the job of consequences once they are committed (Hangfire in Summit.Jobs).</summary>
public interface IConsequenceNudge
{
    /// <summary>Must not throw: the rows are committed, and the sweeper starts whatever a nudge missed.</summary>
    void Nudge(IReadOnlyList<(long Id, string Queue)> committed);
}

/// <summary>Without a job system, committed consequences wait for the sweeper.</summary>
internal sealed class NoNudge : IConsequenceNudge
{
    public void Nudge(IReadOnlyList<(long Id, string Queue)> committed)
    {
    }
}

/// <summary>
/// Watches every save of the context: consequence rows it wrote are nudged once the change is durable, at the
/// end of SaveChanges without a transaction, or at the commit of the transaction around it (never after a
/// rollback). So a rule only records consequences; it cannot forget to start them, or start them too early.
/// </summary>
public sealed class ConsequenceCommitWatcher(IConsequenceNudge nudge) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, State> states = [];

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context, saving: true);

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context, saving: true);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Committed(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context, saving: false);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context, saving: false);
        return Task.CompletedTask;
    }

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Forget(eventData.Context, saving: false);

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context, saving: false);
        return Task.CompletedTask;
    }

    private void Collect(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var added = context.ChangeTracker.Entries<Consequence>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        if (added.Count > 0)
        {
            var state = states.GetOrCreateValue(context);
            lock (state)
            {
                state.Saving.AddRange(added);
            }
        }
    }

    private void Saved(DbContext? context)
    {
        if (context is null || !states.TryGetValue(context, out var state))
        {
            return;
        }

        List<Consequence>? now = null;
        lock (state)
        {
            if (context.Database.CurrentTransaction is null)
            {
                now = [.. state.Saving];
            }
            else
            {
                state.Committing.AddRange(state.Saving);
            }

            state.Saving.Clear();
        }

        Send(now);
    }

    private void Committed(DbContext? context)
    {
        if (context is null || !states.TryGetValue(context, out var state))
        {
            return;
        }

        List<Consequence> now;
        lock (state)
        {
            now = [.. state.Committing];
            state.Committing.Clear();
        }

        Send(now);
    }

    private void Forget(DbContext? context, bool saving)
    {
        if (context is null || !states.TryGetValue(context, out var state))
        {
            return;
        }

        lock (state)
        {
            state.Saving.Clear();
            if (!saving)
            {
                state.Committing.Clear();
            }
        }
    }

    private void Send(List<Consequence>? committed)
    {
        if (committed is { Count: > 0 })
        {
            nudge.Nudge(committed.Select(c => (c.Id, c.Queue)).ToList());
        }
    }

    private sealed class State
    {
        public List<Consequence> Saving { get; } = [];

        public List<Consequence> Committing { get; } = [];
    }
}
