using Summit.Core.Data;
using Xunit;

namespace Summit.Testing;

/// <summary>One running app per test class (a class fixture). The PostgreSQL variant needs SUMMIT_TEST_POSTGRES.</summary>
public abstract class SummitApp : IAsyncLifetime
{
    private SummitFactory? factory;
    private PostgresDatabase? database;

    public abstract DatabaseProvider Provider { get; }

    /// <summary>The app; skips the test (fails it under CI) when its database engine is not available.</summary>
    public SummitFactory Factory
    {
        get
        {
            if (Provider == DatabaseProvider.Postgres)
            {
                TestEnvironment.RequirePostgres();
            }

            return factory ?? throw new InvalidOperationException("The app did not start.");
        }
    }

    public async ValueTask InitializeAsync()
    {
        string? connectionString = null;
        if (Provider == DatabaseProvider.Postgres)
        {
            var server = Environment.GetEnvironmentVariable(TestEnvironment.PostgresVariable);
            if (string.IsNullOrWhiteSpace(server))
            {
                return;
            }

            database = await PostgresDatabase.CreateAsync(server);
            connectionString = database.ConnectionString;
        }

        factory = new SummitFactory(Provider, connectionString);
        Configure(factory);
        factory.StartServer();
    }

    protected virtual void Configure(SummitFactory app)
    {
    }

    public async ValueTask DisposeAsync()
    {
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }

        if (database is not null)
        {
            await database.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}

public class SqliteApp : SummitApp
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public class PostgresApp : SummitApp
{
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
