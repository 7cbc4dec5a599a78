using Npgsql;

namespace Summit.Testing;

/// <summary>A fresh database on the server named by SUMMIT_TEST_POSTGRES, dropped again on dispose.</summary>
public sealed class PostgresDatabase : IAsyncDisposable
{
    private readonly string serverConnectionString;

    private PostgresDatabase(string serverConnectionString, string name)
    {
        this.serverConnectionString = serverConnectionString;
        Name = name;
        // A test server runs several suites at once on two cores: a connection may take longer than the 15 s default
        // to come free in a rush of 300 requests. The tests are about what each request is told, not about that wait.
        ConnectionString = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = name, Pooling = true, Timeout = 60 }.ToString();
    }

    public string Name { get; }

    public string ConnectionString { get; }

    /// <summary>A copy of this run's migrated template (schema and Hangfire's tables, no rows).</summary>
    public static async Task<PostgresDatabase> CreateAsync(string serverConnectionString) =>
        await CreateAsync(serverConnectionString, await TestDatabases.PostgresTemplateAsync(serverConnectionString));

    /// <summary>A database with nothing in it, for the tests of the migrations themselves.</summary>
    public static Task<PostgresDatabase> CreateEmptyAsync(string serverConnectionString) => CreateAsync(serverConnectionString, template: null);

    /// <summary>A copy of the given template database (which must have no open connection).</summary>
    public static async Task<PostgresDatabase> CreateAsync(string serverConnectionString, string? template)
    {
        var name = $"summit_test_{Guid.NewGuid():N}";
        await using var connection = new NpgsqlConnection(serverConnectionString);
        await connection.OpenAsync();
        var sql = template is null ? $"CREATE DATABASE \"{name}\"" : $"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"";
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var command = new NpgsqlCommand(sql, connection);
                await command.ExecuteNonQueryAsync();
                break;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ObjectInUse && attempt < 20)
            {
                // Another copy of the template is being made at this moment ("source database is being accessed").
                await Task.Delay(100 * attempt);
            }
        }

        return new PostgresDatabase(serverConnectionString, name);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(serverConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
