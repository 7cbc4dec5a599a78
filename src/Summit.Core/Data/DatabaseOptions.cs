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

    /// <summary>Apply pending migrations when a process starts. EF Core takes a lock, so several nodes may start at once.</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>
    /// PostgreSQL only: connections one process opens at most, unless the connection string sets
    /// <c>Maximum Pool Size</c> itself. Requests beyond it wait for a free connection instead of failing with
    /// "too many clients"; keep (nodes × this) under the server's <c>max_connections</c> (100 by default).
    /// </summary>
    [Range(1, 1000)]
    public int PostgresMaxPoolSize { get; set; } = 30;

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
