using System.ComponentModel.DataAnnotations;

namespace Summit.Core.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>The <c>Database</c> section. The key names are part of the operations contract.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// Apply pending migrations when a process starts (under the start lock, so several may start at once). False: the
    /// process waits until the <c>migrate</c> verb has applied them, and changes no schema itself.
    /// </summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>
    /// PostgreSQL only: the connections one process opens at most for requests and jobs, unless the connection string
    /// sets <c>Maximum Pool Size</c> itself (15 on a web node, 8 in a worker; <see cref="ConnectionBudget"/>). A request
    /// beyond it waits for a free connection, and one that waits too long is answered 503 before it changes anything.
    /// </summary>
    [Range(1, 1000)]
    public int PostgresMaxPoolSize { get; set; } = ConnectionBudget.WebPoolSize;

    /// <summary>SQLite only: how long a writer waits for another writer before giving up.</summary>
    [Range(0, 600_000)]
    public int SqliteBusyTimeoutMilliseconds { get; set; } = 10_000;
}

/// <summary>The <c>Storage</c> section: one folder for the SQLite files, uploads, generated PDFs and the mail outbox.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    [Required]
    public string Path { get; set; } = "data";

    public string FullPath => System.IO.Path.GetFullPath(Path);

    public string SubFolder(string name)
    {
        var folder = System.IO.Path.Combine(FullPath, name);
        Directory.CreateDirectory(folder);
        return folder;
    }
}
