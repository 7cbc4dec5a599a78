using Hangfire.PostgreSql;
using Summit.Core;
using Summit.Core.Data;

namespace Summit.Jobs.Hosting;

/// <summary>
/// Hangfire's tables in the <c>hangfire</c> schema, installed with the migrations under the start lock instead of by
/// every storage as it is first used (three processes starting at once raced to create them). SQLite's Hangfire file
/// belongs to the one machine and prepares itself.
/// </summary>
internal sealed class HangfireSchemaStep(SummitConnection connection) : ISchemaStep
{
    public const string SchemaName = "hangfire";

    public async Task ApplyAsync(CancellationToken cancellationToken)
    {
        if (connection.Provider != DatabaseProvider.Postgres)
        {
            return;
        }

        await using var open = new Npgsql.NpgsqlConnection(connection.ConnectionString);
        await open.OpenAsync(cancellationToken);
        // Applies only the scripts newer than the schema's recorded version, so a second run changes nothing.
        PostgreSqlObjectsInstaller.Install(open, SchemaName);
    }
}
