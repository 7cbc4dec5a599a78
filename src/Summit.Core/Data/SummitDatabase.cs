using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Summit.Core.Data;

/// <summary>Turns the <c>Database</c>, <c>ConnectionStrings:Summit</c> and <c>Storage</c> settings into context options.</summary>
public static class SummitDatabase
{
    public const string ConnectionStringName = "Summit";

    public static string ConnectionString(IConfiguration configuration, DatabaseOptions database, StorageOptions storage)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(storage);
        var configured = configuration.GetConnectionString(ConnectionStringName);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            if (database.Provider != DatabaseProvider.Postgres)
            {
                return configured;
            }

            var postgres = new Npgsql.NpgsqlConnectionStringBuilder(configured);
            if (!configured.Contains("Maximum Pool Size", StringComparison.OrdinalIgnoreCase) && !configured.Contains("MaxPoolSize", StringComparison.OrdinalIgnoreCase))
            {
                postgres.MaxPoolSize = database.PostgresMaxPoolSize;
            }

            return postgres.ConnectionString;
        }

        if (database.Provider == DatabaseProvider.Postgres)
        {
            throw new InvalidOperationException(
                "Database:Provider is Postgres but ConnectionStrings:Summit is empty. Set ConnectionStrings__Summit, e.g. 'Host=127.0.0.1;Database=summit;Username=summit;Password=…'.");
        }

        Directory.CreateDirectory(storage.FullPath);
        return new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(storage.FullPath, "summit.db"),
            ForeignKeys = true,
            Pooling = true,
        }.ToString();
    }

    public static void UseSqlite(DbContextOptionsBuilder builder, string connectionString, DatabaseOptions database)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(database);
        builder.UseSqlite(connectionString, sqlite => sqlite.MigrationsHistoryTable("__EFMigrationsHistory"))
            .AddInterceptors(new SqlitePragmas(database.SqliteBusyTimeoutMilliseconds));
    }

    public static void UsePostgres(DbContextOptionsBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseNpgsql(connectionString);
    }
}
