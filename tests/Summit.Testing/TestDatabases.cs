using Hangfire.PostgreSql;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Summit.Core.Data;

namespace Summit.Testing;

/// <summary>
/// The schema is migrated once per test run (per test process), into a template; every test or class gets a copy.
/// A copy of a SQLite file is a file copy; a PostgreSQL copy is <c>CREATE DATABASE … TEMPLATE …</c>. Replaying the
/// migrations for every app was most of the suites' time.
/// </summary>
public static class TestDatabases
{
    private static readonly Lazy<string> SqliteTemplate = new(CreateSqliteTemplate, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly SemaphoreSlim PostgresTemplateLock = new(1, 1);
    private static string? postgresTemplate;

    /// <summary>Puts a migrated, empty <c>summit.db</c> into <paramref name="storageFolder"/> (the app's <c>Storage:Path</c>).</summary>
    public static string CopySqliteTemplate(string storageFolder)
    {
        Directory.CreateDirectory(storageFolder);
        var target = Path.Combine(storageFolder, "summit.db");
        File.Copy(SqliteTemplate.Value, target, overwrite: true);
        return target;
    }

    /// <summary>A context on a fresh copy of the migrated SQLite template in <paramref name="storageFolder"/>.</summary>
    public static SqliteSummitDbContext SqliteContext(string storageFolder)
    {
        var path = CopySqliteTemplate(storageFolder);
        var options = new DbContextOptionsBuilder<SqliteSummitDbContext>();
        SummitDatabase.UseSqlite(options, $"Data Source={path}", new DatabaseOptions());
        return new SqliteSummitDbContext(options.Options);
    }

    /// <summary>A context on the <c>summit.db</c> already in <paramref name="storageFolder"/> (an app's, to look at what it wrote).</summary>
    public static SqliteSummitDbContext OpenSqlite(string storageFolder)
    {
        var options = new DbContextOptionsBuilder<SqliteSummitDbContext>();
        SummitDatabase.UseSqlite(options, $"Data Source={Path.Combine(storageFolder, "summit.db")}", new DatabaseOptions());
        return new SqliteSummitDbContext(options.Options);
    }

    /// <summary>The name of this run's migrated PostgreSQL template database (with Hangfire's schema), made on first use.</summary>
    public static async Task<string> PostgresTemplateAsync(string serverConnectionString)
    {
        await PostgresTemplateLock.WaitAsync();
        try
        {
            if (postgresTemplate is not null)
            {
                return postgresTemplate;
            }

            var name = $"summit_template_{Guid.NewGuid():N}";
            await using (var server = new NpgsqlConnection(serverConnectionString))
            {
                await server.OpenAsync();
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", server);
                await create.ExecuteNonQueryAsync();
            }

            AppDomain.CurrentDomain.ProcessExit += (_, _) => DropQuietly(serverConnectionString, name);
            // No pooling: a template must have no open connections when it is copied.
            var connectionString = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = name, Pooling = false }.ConnectionString;
            var options = new DbContextOptionsBuilder<PostgresSummitDbContext>();
            SummitDatabase.UsePostgres(options, connectionString);
            await using (var db = new PostgresSummitDbContext(options.Options))
            {
                await db.Database.MigrateAsync();
            }

            await using (var connection = new NpgsqlConnection(connectionString))
            {
                await connection.OpenAsync();
                PostgreSqlObjectsInstaller.Install(connection, "hangfire");
            }

            postgresTemplate = name;
            return name;
        }
        finally
        {
            PostgresTemplateLock.Release();
        }
    }

    private static string CreateSqliteTemplate()
    {
        var folder = Directory.CreateTempSubdirectory("summit-template-");
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                folder.Delete(recursive: true);
            }
            catch (IOException)
            {
                // The OS cleans temporary folders.
            }
        };
        var path = Path.Combine(folder.FullName, "summit.db");
        var options = new DbContextOptionsBuilder<SqliteSummitDbContext>();
        SummitDatabase.UseSqlite(options, $"Data Source={path};Pooling=False", new DatabaseOptions());
        using (var db = new SqliteSummitDbContext(options.Options))
        {
            db.Database.Migrate();
            // Everything into the main file, so the file alone is the whole database (WAL mode stays recorded in it).
            db.Database.ExecuteSqlRaw("PRAGMA wal_checkpoint(TRUNCATE)");
        }

        SqliteConnection.ClearAllPools();
        return path;
    }

    private static void DropQuietly(string serverConnectionString, string name)
    {
        try
        {
            using var server = new NpgsqlConnection(serverConnectionString);
            server.Open();
            using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", server);
            drop.ExecuteNonQuery();
        }
        catch (NpgsqlException)
        {
            // The server went first (CI stops its throw-away cluster); nothing is left to clean.
        }
    }
}
