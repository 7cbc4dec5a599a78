using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Summit.Core.Data;

// Used by `dotnet ef migrations add … --context …`. Generating migrations needs no live database.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteSummitDbContext>
{
    public SqliteSummitDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<SqliteSummitDbContext>();
        SummitDatabase.UseSqlite(builder, "Data Source=design-time.db", new DatabaseOptions());
        return new SqliteSummitDbContext(builder.Options);
    }
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresSummitDbContext>
{
    public PostgresSummitDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<PostgresSummitDbContext>();
        SummitDatabase.UsePostgres(builder, "Host=127.0.0.1;Database=summit_design");
        return new PostgresSummitDbContext(builder.Options);
    }
}
