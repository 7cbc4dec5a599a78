using Microsoft.Data.Sqlite;
using Npgsql;
using Summit.Core.Data;

namespace Summit.Testing;

/// <summary>
/// The demo edition seeded once per test run and provider, by an app that queues its jobs without running them;
/// every demo app then starts on a copy (its storage folder, and for PostgreSQL a copy of the database) and runs
/// those jobs itself. Seeding draws and encodes 31 portraits and publishes the programme twice: seconds per app.
/// The demo seed itself (first start, idempotence) is tested on an app that really seeds.
/// </summary>
public static class DemoTemplate
{
    private static readonly SemaphoreSlim Lock = new(1, 1);
    private static string? sqliteFolder;
    private static (string Database, string Folder)? postgres;

    /// <summary>Copies the seeded SQLite demo (database, Hangfire's queue, photos) into an app's storage folder.</summary>
    public static async Task CopySqliteAsync(string storageFolder)
    {
        await Lock.WaitAsync();
        try
        {
            sqliteFolder ??= await SeedAsync(DatabaseProvider.Sqlite, null);
        }
        finally
        {
            Lock.Release();
        }

        CopyFolder(sqliteFolder, storageFolder);
    }

    /// <summary>A copy of the seeded PostgreSQL demo database; its files go into <paramref name="storageFolder"/>.</summary>
    public static async Task<PostgresDatabase> CopyPostgresAsync(string serverConnectionString, string storageFolder)
    {
        await Lock.WaitAsync();
        try
        {
            if (postgres is null)
            {
                var database = await PostgresDatabase.CreateAsync(serverConnectionString);
                var folder = await SeedAsync(DatabaseProvider.Postgres, database.ConnectionString);
                // The template must have no open connection when it is copied.
                NpgsqlConnection.ClearAllPools();
                AppDomain.CurrentDomain.ProcessExit += (_, _) => database.DisposeAsync().AsTask().GetAwaiter().GetResult();
                postgres = (database.Name, folder);
            }
        }
        finally
        {
            Lock.Release();
        }

        CopyFolder(postgres.Value.Folder, storageFolder);
        return await PostgresDatabase.CreateAsync(serverConnectionString, postgres.Value.Database);
    }

    private static async Task<string> SeedAsync(DatabaseProvider provider, string? connectionString)
    {
        var seeding = new SummitFactory(provider, connectionString);
        seeding.Settings["Demo:Seed"] = "true";
        seeding.Settings["Jobs:RunServer"] = "false";
        seeding.StartServer();
        var folder = seeding.StoragePath;
        await seeding.DisposeKeepingStorageAsync();
        SqliteConnection.ClearAllPools();
        // Everything into the database files themselves: a connection the seeding app's Hangfire storage still holds
        // is closed whenever it is collected, and SQLite then deletes the write-ahead log, perhaps mid-copy.
        foreach (var database in Directory.EnumerateFiles(folder, "*.db"))
        {
            using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
            connection.Open();
            using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            checkpoint.ExecuteNonQuery();
        }
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // The OS cleans temporary folders.
            }
        };
        return folder;
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            // The write-ahead logs were checkpointed into their databases after the seed (empty now); a shared-memory
            // index is rebuilt by SQLite.
            if (file.EndsWith("-shm", StringComparison.Ordinal) || file.EndsWith("-wal", StringComparison.Ordinal))
            {
                continue;
            }

            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }
}
