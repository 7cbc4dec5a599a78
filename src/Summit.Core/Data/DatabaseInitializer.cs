using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Summit.Core.Data;

/// <summary>What every process does before it serves: bring the schema up to date (unless told not to).</summary>
public sealed class DatabaseInitializer(SummitDbContext db, IOptions<DatabaseOptions> database)
{
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        if (database.Value.MigrateOnStartup)
        {
            // EF Core takes a database lock around this, so several nodes starting at once are safe.
            await db.Database.MigrateAsync(cancellationToken);
        }
    }
}
