using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Summit.Core.Accounts;
using Summit.Core.Demo;

namespace Summit.Core.Data;

/// <summary>
/// What every process does before it serves, safe however many start at once: the schema (migrations and
/// Hangfire's tables, or a wait for someone else to apply them), the roles, and the demo when it is asked for. On
/// PostgreSQL all of it runs under one advisory lock, so the second and third process find the work done; on SQLite
/// there is one machine and one process, and the engine lets one writer in at a time.
/// </summary>
public sealed class SummitStart(
    SummitDbContext db,
    SummitConnection connection,
    IOptions<DatabaseOptions> options,
    EnsureRoles roles,
    DemoSeed demo,
    DemoScale scale,
    IEnumerable<ISchemaStep> schemaSteps,
    StartupGate gate,
    ILogger<SummitStart> logger)
{
    /// <summary>The advisory lock's key: "Summit" in ASCII, so that it names itself in <c>pg_locks</c>.</summary>
    public const long LockKey = 0x53756D6D6974;

    public static readonly TimeSpan SchemaPoll = TimeSpan.FromSeconds(2);

    /// <summary>A node's start: with <c>Database:MigrateOnStartup</c> it brings the schema up to date; without, it waits for it.</summary>
    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        if (!options.Value.MigrateOnStartup)
        {
            // Before the lock: the release step that migrates needs it.
            await WaitForSchemaAsync(cancellationToken);
        }

        await using (await TakeLockAsync(cancellationToken))
        {
            if (options.Value.MigrateOnStartup)
            {
                await ApplySchemaAsync(cancellationToken);
            }

            gate.Stage = "roles and demo";
            await roles.RunAsync();
            await demo.SeedIfEmptyAsync(cancellationToken);
            await scale.SeedIfAskedAsync(cancellationToken);
        }
    }

    /// <summary>The <c>migrate</c> verb: the schema up to date, nothing else.</summary>
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using (await TakeLockAsync(cancellationToken))
        {
            await ApplySchemaAsync(cancellationToken);
        }
    }

    private async Task ApplySchemaAsync(CancellationToken cancellationToken)
    {
        gate.Stage = "applying migrations";
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            var unknown = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).Except(db.Database.GetMigrations(), StringComparer.Ordinal).ToList();
            if (unknown.Count > 0)
            {
                // Applying this build's migrations over a history it does not know would fail half-way ("table already
                // exists"); say why instead. Only a database made before a squash (decision 0002) gets here.
                throw new InvalidOperationException(
                    $"The database's schema was made by another build (it has applied {unknown[^1]}, which this build does not know) " +
                    $"and this build's {pending[0]} is not applied. The migrations were squashed before the first release (decision 0002): " +
                    "delete the SQLite files in Storage:Path, or drop the PostgreSQL database, and start again (docs/operations.md, \"Changing the model\").");
            }

            logger.LogInformation("Applying {Count} migrations: {Migrations}", pending.Count, string.Join(", ", pending));
            await db.Database.MigrateAsync(cancellationToken);
        }

        foreach (var step in schemaSteps)
        {
            await step.ApplyAsync(cancellationToken);
        }
    }

    private async Task WaitForSchemaAsync(CancellationToken cancellationToken)
    {
        gate.Stage = "waiting for migrations";
        var told = DateTimeOffset.MinValue;
        while (true)
        {
            string why;
            try
            {
                // Asked first, so that an empty database is not answered by a failing query logged as an error.
                var history = db.GetService<IHistoryRepository>();
                var pending = await history.ExistsAsync(cancellationToken)
                    ? (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList()
                    : [.. db.Database.GetMigrations()];
                if (pending.Count == 0)
                {
                    return;
                }

                why = $"{pending.Count} migrations pending ({pending[^1]})";
            }
            catch (DbException e)
            {
                why = $"the database does not answer ({e.Message})";
            }

            if (DateTimeOffset.UtcNow - told > TimeSpan.FromSeconds(30))
            {
                // Once at first, then every half minute: an operator sees why the node is not ready.
                logger.LogWarning("Database:MigrateOnStartup is false and {Why}: waiting for `migrate` to run.", why);
                told = DateTimeOffset.UtcNow;
            }

            await Task.Delay(SchemaPoll, cancellationToken);
        }
    }

    private async Task<IAsyncDisposable> TakeLockAsync(CancellationToken cancellationToken)
    {
        if (connection.Provider != DatabaseProvider.Postgres)
        {
            return NoLock.Instance;
        }

        gate.Stage = "waiting for the start lock";
        // Its own unpooled connection: the lock is the session's, so it ends with the connection, and a process that
        // dies holding it frees it at once.
        var lockConnection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connection.ConnectionString) { Pooling = false, ApplicationName = "summit-start" }.ConnectionString);
        try
        {
            await lockConnection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", lockConnection);
            command.Parameters.AddWithValue("key", LockKey);
            // Waiting for another process's start (its migrations) may take longer than a statement should.
            command.CommandTimeout = 0;
            await command.ExecuteNonQueryAsync(cancellationToken);
            return new AdvisoryLock(lockConnection);
        }
        catch
        {
            await lockConnection.DisposeAsync();
            throw;
        }
    }

    private sealed class AdvisoryLock(NpgsqlConnection lockConnection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", lockConnection);
                command.Parameters.AddWithValue("key", LockKey);
                await command.ExecuteNonQueryAsync();
            }
            finally
            {
                // Closing ends the session, which frees the lock even if the unlock above failed.
                await lockConnection.DisposeAsync();
            }
        }
    }

    private sealed class NoLock : IAsyncDisposable
    {
        public static readonly NoLock Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
