using Summit.Core.Data;

namespace Summit.Testing;

/// <summary>
/// One running app per test class (a class fixture), with nothing seeded. The PostgreSQL variant needs
/// SUMMIT_TEST_POSTGRES. Classes that are about the demo edition use <see cref="SqliteDemoApp"/> / <see cref="PostgresDemoApp"/>.
/// </summary>
public abstract class SummitApp : IAsyncLifetime
{
    private SummitFactory? factory;
    private PostgresDatabase? database;

    public abstract DatabaseProvider Provider { get; }

    /// <summary>Seeds the demo edition and accounts (seconds of work: 31 portraits, a published programme, the press report).</summary>
    protected virtual bool SeedsDemo => false;

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

            var demoFiles = SeedsDemo ? Directory.CreateTempSubdirectory("summit-demo-").FullName : null;
            database = demoFiles is null ? await PostgresDatabase.CreateAsync(server) : await DemoTemplate.CopyPostgresAsync(server, demoFiles);
            connectionString = database.ConnectionString;
            factory = new SummitFactory(Provider, connectionString, demoFiles);
        }
        else
        {
            factory = new SummitFactory(Provider);
            if (SeedsDemo)
            {
                await DemoTemplate.CopySqliteAsync(factory.StoragePath);
            }
        }

        // The demo is copied from the run's seeded template (DemoTemplate); the setting stays as a demo site has it.
        factory.Settings["Demo:Seed"] = SeedsDemo ? "true" : "false";
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

/// <summary>The app with the demo edition, for tests about the demo itself or the journeys through it.</summary>
public class SqliteDemoApp : SqliteApp
{
    protected override bool SeedsDemo => true;
}

public class PostgresDemoApp : PostgresApp
{
    protected override bool SeedsDemo => true;
}
