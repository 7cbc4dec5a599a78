using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Summit.Core.Data;
using Summit.Core.Editions;
using Summit.Testing;

namespace Summit.Core.Tests.Data;

public class MigrationTests
{
    private static SqliteSummitDbContext Sqlite(string path)
    {
        var options = new DbContextOptionsBuilder<SqliteSummitDbContext>();
        SummitDatabase.UseSqlite(options, $"Data Source={path}", new DatabaseOptions());
        return new SqliteSummitDbContext(options.Options);
    }

    private static PostgresSummitDbContext Postgres(string connectionString)
    {
        var options = new DbContextOptionsBuilder<PostgresSummitDbContext>();
        SummitDatabase.UsePostgres(options, connectionString);
        return new PostgresSummitDbContext(options.Options);
    }

    [Fact]
    public void The_sqlite_model_has_no_changes_missing_from_its_migrations()
    {
        using var db = Sqlite(":memory:");
        Assert.False(db.Database.HasPendingModelChanges(), "Run: dotnet ef migrations add <Name> --context SqliteSummitDbContext (see docs/operations.md)");
    }

    [Fact]
    public void The_postgres_model_has_no_changes_missing_from_its_migrations()
    {
        using var db = Postgres("Host=127.0.0.1;Database=unused");
        Assert.False(db.Database.HasPendingModelChanges(), "Run: dotnet ef migrations add <Name> --context PostgresSummitDbContext (see docs/operations.md)");
    }

    [Fact]
    public void Both_providers_have_the_same_migrations()
    {
        using var sqlite = Sqlite(":memory:");
        using var postgres = Postgres("Host=127.0.0.1;Database=unused");
        static IEnumerable<string> Names(DbContext db) => db.Database.GetMigrations().Select(m => m[(m.IndexOf('_', StringComparison.Ordinal) + 1)..]);
        Assert.Equal(Names(sqlite), Names(postgres));
        Assert.NotEmpty(Names(sqlite));
    }

    [Fact]
    public async Task Migrations_apply_to_a_fresh_sqlite_file_with_wal_and_foreign_keys()
    {
        var folder = Directory.CreateTempSubdirectory("summit-migrate-");
        try
        {
            await using var db = Sqlite(Path.Combine(folder.FullName, "summit.db"));
            await db.Database.MigrateAsync(TestContext.Current.CancellationToken);
            Assert.Empty(await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
            var connection = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
            Assert.Equal("wal", await Scalar(connection, "PRAGMA journal_mode"));
            Assert.Equal("1", await Scalar(connection, "PRAGMA foreign_keys"));
            Assert.Equal("10000", await Scalar(connection, "PRAGMA busy_timeout"));
            await RoundTripAnEdition(db);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Migrations_apply_to_a_fresh_postgres_database()
    {
        var server = TestEnvironment.RequirePostgres();
        await using var database = await PostgresDatabase.CreateEmptyAsync(server);
        await using var db = Postgres(database.ConnectionString);
        await db.Database.MigrateAsync(TestContext.Current.CancellationToken);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
        await RoundTripAnEdition(db);
    }

    [Fact]
    public async Task The_hand_written_statements_of_the_postgres_migration_are_applied()
    {
        var server = TestEnvironment.RequirePostgres();
        await using var database = await PostgresDatabase.CreateEmptyAsync(server);
        await using var db = Postgres(database.ConnectionString);
        await db.Database.MigrateAsync(TestContext.Current.CancellationToken);
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
        // The rate-limit counters are unlogged ('u'); file chunks are stored out of line without compression ('e').
        Assert.Equal("u", await Scalar(connection, """SELECT relpersistence FROM pg_class WHERE relname = 'RateLimitWindows'"""));
        Assert.Equal("e", await Scalar(connection, """SELECT attstorage FROM pg_attribute WHERE attrelid = '"StoredFileChunks"'::regclass AND attname = 'Data'"""));
        // Everything else is logged, as a table must be to survive a crash.
        Assert.Equal("p", await Scalar(connection, """SELECT relpersistence FROM pg_class WHERE relname = 'Registrations'"""));
    }

    [Fact]
    public async Task A_database_made_before_the_squash_is_refused_at_start_with_what_to_do()
    {
        var folder = Directory.CreateTempSubdirectory("summit-squashed-");
        try
        {
            // A migrated store whose history names a migration this build does not have, and not this build's own.
            await using (var old = TestDatabases.SqliteContext(folder.FullName))
            {
                await old.Database.ExecuteSqlRawAsync("""DELETE FROM "__EFMigrationsHistory" """, TestContext.Current.CancellationToken);
                await old.Database.ExecuteSqlRawAsync("""INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion") VALUES ('20261202195945_Initial', '10.0.0')""", TestContext.Current.CancellationToken);
            }

            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = "Sqlite",
                ["Storage:Path"] = folder.FullName,
            }).Build();
            await using var services = new ServiceCollection().AddLogging().AddSummitCore(configuration).BuildServiceProvider();
            await using var scope = services.CreateAsyncScope();
            var start = scope.ServiceProvider.GetRequiredService<SummitStart>();
            var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => start.MigrateAsync(TestContext.Current.CancellationToken));
            Assert.Contains("20261202195945_Initial", refused.Message, StringComparison.Ordinal);
            Assert.Contains("Storage:Path", refused.Message, StringComparison.Ordinal);
            Assert.Contains("decision 0002", refused.Message, StringComparison.Ordinal);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    /// <summary>The check constraints of the model; a new one fails this list until the test below proves it refuses a bad row.</summary>
    private static readonly string[] CheckConstraints = ["CK_InvitationCodes_Uses", "CK_RegistrationCategories_Seats", "CK_Sessions_Seats"];

    [Fact]
    public void Every_check_constraint_of_the_model_is_proven_by_a_test()
    {
        using var db = Sqlite(":memory:");
        var names = db.GetService<Microsoft.EntityFrameworkCore.Metadata.IDesignTimeModel>().Model.GetEntityTypes().SelectMany(e => e.GetCheckConstraints()).Select(c => c.Name).Order(StringComparer.Ordinal);
        Assert.Equal(CheckConstraints, names);
    }

    [Fact]
    public async Task The_check_constraints_refuse_more_seats_or_uses_than_there_are_on_sqlite()
    {
        var folder = Directory.CreateTempSubdirectory("summit-checks-");
        try
        {
            await using var db = TestDatabases.SqliteContext(folder.FullName);
            await ProveCheckConstraints(db);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task The_check_constraints_refuse_more_seats_or_uses_than_there_are_on_postgres()
    {
        var server = TestEnvironment.RequirePostgres();
        await using var database = await PostgresDatabase.CreateAsync(server);
        await using var db = Postgres(database.ConnectionString);
        await ProveCheckConstraints(db);
    }

    /// <summary>Rows made through the rules, then a statement that breaks each constraint: the engine must refuse it and keep the row.</summary>
    private static async Task ProveCheckConstraints(SummitDbContext db)
    {
        var cancel = TestContext.Current.CancellationToken;
        var events = new Summit.Core.Registrations.RegistrationEvents(new Summit.Core.Consequences.ConsequenceRecorder(db, new Summit.Core.Consequences.ConsequenceRoutes([]), TimeProvider.System));
        var edition = await new SaveEdition(db, events, TimeProvider.System).RunAsync(null, new EditionDetails(
            "2031", "CCI-FS 2031", "2031峰会", null, null, new DateOnly(2031, 11, 1), new DateOnly(2031, 11, 2), "Venue", "场地", "Chongqing", "重庆", "Asia/Shanghai", EditionStatus.Open), cancel);
        var editionId = edition.EditionId!.Value;
        var category = new Summit.Core.Registrations.SaveCategory(db, new Summit.Core.Registrations.ChangeRegistration(db, TimeProvider.System, events), events, TimeProvider.System);
        var saved = await category.RunAsync(editionId, null, new Summit.Core.Registrations.CategoryDetails("Delegate", "代表", null, null, Summit.Core.Registrations.CategoryKind.General, 2, false, true, null, null, 1), cancel);
        var categoryId = saved.CategoryId!.Value;
        var (code, refusals) = await category.IssueCodeAsync(editionId, categoryId, null, 3, false, null, cancel);
        Assert.Empty(refusals);
        var type = Summit.Core.Scheduling.SessionType.Create(editionId, "Talk", "演讲", false, 1);
        db.SessionTypes.Add(type);
        await db.SaveChangesAsync(cancel);
        var session = Summit.Core.Scheduling.Session.Create(editionId, new Summit.Core.Scheduling.SessionDetails(
            "Talk", "演讲", null, null, type.Id, null, Summit.Core.Scheduling.SessionLanguage.English, false, 10, []), DateTimeOffset.UtcNow);
        db.Sessions.Add(session);
        await db.SaveChangesAsync(cancel);

        var breaking = new (string Constraint, FormattableString Sql)[]
        {
            ("CK_RegistrationCategories_Seats", $"UPDATE \"RegistrationCategories\" SET \"Confirmed\" = 3 WHERE \"Id\" = {categoryId}"),
            ("CK_InvitationCodes_Uses", $"UPDATE \"InvitationCodes\" SET \"Uses\" = 4 WHERE \"Code\" = {code}"),
            ("CK_Sessions_Seats", $"UPDATE \"Sessions\" SET \"SeatsTaken\" = 11 WHERE \"Id\" = {session.Id}"),
        };
        Assert.Equal(CheckConstraints, breaking.Select(b => b.Constraint).Order(StringComparer.Ordinal));
        foreach (var (constraint, sql) in breaking)
        {
            var refused = await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => db.Database.ExecuteSqlInterpolatedAsync(sql, cancel));
            Assert.Contains(constraint, refused.Message, StringComparison.Ordinal);
        }

        // Up to the limit is allowed: the constraints refuse only what oversells.
        Assert.Equal(1, await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE \"RegistrationCategories\" SET \"Confirmed\" = 2 WHERE \"Id\" = {categoryId}", cancel));
        Assert.Equal(1, await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE \"Sessions\" SET \"SeatsTaken\" = 10 WHERE \"Id\" = {session.Id}", cancel));
    }

    private static async Task RoundTripAnEdition(SummitDbContext db)
    {
        var save = new SaveEdition(db, new Summit.Core.Registrations.RegistrationEvents(new Summit.Core.Consequences.ConsequenceRecorder(db, new Summit.Core.Consequences.ConsequenceRoutes([]), TimeProvider.System)), TimeProvider.System);
        var details = new EditionDetails("2030", "CCI-FS 2030", "2030中新金融峰会", null, null, new DateOnly(2030, 11, 1), new DateOnly(2030, 11, 2), "Venue", "场地", "Chongqing", "重庆", "Asia/Shanghai", EditionStatus.Open);
        var first = await save.RunAsync(null, details);
        Assert.True(first.Saved);

        var again = await save.RunAsync(null, details with { NameEn = "Another" });
        Assert.Equal(SaveEdition.Reasons.SlugTaken, Assert.Single(again.Refusals).Message);

        db.ChangeTracker.Clear();
        var stored = await db.Editions.SingleAsync(e => e.Slug == "2030");
        Assert.Equal("2030中新金融峰会", stored.NameZh);
        Assert.Equal(EditionStatus.Open, stored.Status);
        Assert.Equal(new DateOnly(2030, 11, 2), stored.EndDate);
        // Ordering by a DateTimeOffset must work in SQL on both engines.
        Assert.NotNull(await db.Editions.OrderByDescending(e => e.CreatedAt).FirstOrDefaultAsync());
    }

    private static async Task<string?> Scalar(System.Data.Common.DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
