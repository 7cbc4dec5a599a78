using System.Diagnostics;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Summit.Testing;

/// <summary>
/// Counts EF commands run against one app's own SQLite database file, whatever other tests do meanwhile. Subscribe it
/// with <c>DiagnosticListener.AllListeners.Subscribe(counter)</c> around the request being measured.
/// </summary>
public sealed class StatementCounter(string storagePath) : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
{
    private readonly List<IDisposable> subscriptions = [];
    private int count;

    public int Count => Volatile.Read(ref count);

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
            && data.Command.Connection?.DataSource?.StartsWith(storagePath, StringComparison.Ordinal) == true)
        {
            Interlocked.Increment(ref count);
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }
}
