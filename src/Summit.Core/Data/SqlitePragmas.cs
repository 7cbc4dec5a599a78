using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Summit.Core.Data;

/// <summary>
/// Every SQLite connection gets WAL (readers never block the writer), a busy timeout (a writer waits
/// instead of failing at once when another holds the lock) and enforced foreign keys.
/// </summary>
internal sealed class SqlitePragmas(int busyTimeoutMilliseconds) : DbConnectionInterceptor
{
    private string Sql => $"PRAGMA journal_mode=WAL; PRAGMA busy_timeout={busyTimeoutMilliseconds}; PRAGMA foreign_keys=ON;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Sql;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        var command = connection.CreateCommand();
        await using (command)
        {
            command.CommandText = Sql;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
