using System.Diagnostics;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Summit.Testing;

/// <summary>
/// Counts the EF commands of one measured request against one app's own SQLite database file. Subscribe it with
/// <c>DiagnosticListener.AllListeners.Subscribe(counter)</c> and send the request inside <see cref="Measure"/>: the
/// test server carries the caller's execution context into the request (<see cref="SummitFactory"/> turns that on),
/// so background jobs querying the same file at the same moment are not counted.
/// </summary>
public sealed class StatementCounter(string storagePath) : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
{
    private static readonly AsyncLocal<StatementCounter?> Measuring = new();

    private readonly List<IDisposable> subscriptions = [];
    private readonly List<string> commands = [];
    private int count;

    public int Count => Volatile.Read(ref count);

    /// <summary>Counts what runs in this async flow until disposed.</summary>
    public IDisposable Measure()
    {
        Measuring.Value = this;
        return new Stop();
    }

    /// <summary>The statements counted, for a failure message that says which ones.</summary>
    public IReadOnlyList<string> Commands
    {
        get
        {
            lock (commands)
            {
                return [.. commands];
            }
        }
    }

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == Microsoft.EntityFrameworkCore.DbLoggerCategory.Name)
        {
            lock (subscriptions)
            {
                subscriptions.Add(value.Subscribe(this));
            }
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key == RelationalEventId.CommandExecuting.Name
            && value.Value is CommandEventData data
            && Measuring.Value == this
            && data.Command.Connection?.DataSource?.StartsWith(storagePath, StringComparison.Ordinal) == true)
        {
            Interlocked.Increment(ref count);
            lock (commands)
            {
                commands.Add(data.Command.CommandText);
            }
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    private sealed class Stop : IDisposable
    {
        public void Dispose() => Measuring.Value = null;
    }
}
