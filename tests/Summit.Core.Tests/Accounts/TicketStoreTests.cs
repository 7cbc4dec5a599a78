using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Summit.Core.Accounts;
using Summit.Core.Data;
using Summit.Testing;

namespace Summit.Core.Tests.Accounts;

/// <summary>
/// The auth cookie's session store on a real engine: a stored ticket comes back with its claims and the session's id,
/// is gone once removed, ends after the idle limit without use and at the absolute limit however much it is used, and
/// notes when it was last seen without writing on every request.
/// </summary>
public abstract class TicketStoreTests : IAsyncLifetime
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));
    private ServiceProvider services = null!;
    private string userId = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    protected abstract Task<Dictionary<string, string?>> DatabaseSettingsAsync();

    protected abstract Task DisposeDatabaseAsync();

    public async ValueTask InitializeAsync()
    {
        var settings = await DatabaseSettingsAsync();
        settings["Accounts:SessionIdleDays"] = "14";
        settings["Accounts:SessionAbsoluteDays"] = "90";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var collection = new ServiceCollection().AddLogging();
        collection.AddSummitCore(configuration);
        collection.AddSingleton<TimeProvider>(clock);
        services = collection.BuildServiceProvider();
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SummitDbContext>();
        var user = new SummitUser { UserName = "mei@example.org", Email = "mei@example.org", DisplayName = "Mei", CreatedAt = clock.GetUtcNow() };
        db.Users.Add(user);
        await db.SaveChangesAsync(Cancel);
        userId = user.Id;
    }

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        await DisposeDatabaseAsync();
        GC.SuppressFinalize(this);
    }

    private DatabaseTicketStore Store => services.GetRequiredService<DatabaseTicketStore>();

    private AuthenticationTicket Ticket(string amr = "pwd")
    {
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, userId), new Claim(ClaimTypes.Name, "mei@example.org"), new Claim("amr", amr)], "Identity.Application");
        return new AuthenticationTicket(new ClaimsPrincipal(identity), new AuthenticationProperties { IsPersistent = true }, "Identity.Application");
    }

    private Task<AccountSession> RowAsync() => InDbAsync(db => db.AccountSessions.AsNoTracking().SingleAsync(s => s.UserId == userId, Cancel));

    private async Task<T> InDbAsync<T>(Func<SummitDbContext, Task<T>> use)
    {
        using var scope = services.CreateScope();
        return await use(scope.ServiceProvider.GetRequiredService<SummitDbContext>());
    }

    [Fact]
    public async Task A_stored_ticket_comes_back_with_its_claims_and_the_sessions_id_until_it_is_removed()
    {
        var key = await Store.StoreAsync(Ticket(), Cancel);

        var back = await Store.RetrieveAsync(key, Cancel);
        Assert.NotNull(back);
        Assert.Equal("mei@example.org", back.Principal.Identity?.Name);
        var row = await RowAsync();
        Assert.Equal(row.Id, back.Principal.FindFirstValue(DatabaseTicketStore.SessionIdClaim));
        Assert.Equal(DatabaseTicketStore.IdFor(key), row.Id);
        Assert.NotEqual(key, row.Id);
        Assert.Equal(SignInMethod.Password, row.Method);

        await Store.RemoveAsync(key, Cancel);
        Assert.Null(await Store.RetrieveAsync(key, Cancel));
        Assert.Null(await Store.RetrieveAsync("a key nobody was given", Cancel));
    }

    [Fact]
    public async Task A_session_unused_for_the_idle_limit_ends_and_its_row_goes()
    {
        var key = await Store.StoreAsync(Ticket(), Cancel);

        clock.Advance(TimeSpan.FromDays(14) - TimeSpan.FromMinutes(1));
        Assert.NotNull(await Store.RetrieveAsync(key, Cancel));
        // Seen just now: another almost-fortnight is allowed.
        clock.Advance(TimeSpan.FromDays(14) - TimeSpan.FromMinutes(1));
        Assert.NotNull(await Store.RetrieveAsync(key, Cancel));

        clock.Advance(TimeSpan.FromDays(14));
        Assert.Null(await Store.RetrieveAsync(key, Cancel));
        Assert.Equal(0, await InDbAsync(db => db.AccountSessions.CountAsync(Cancel)));
    }

    [Fact]
    public async Task A_session_used_every_day_still_ends_at_the_absolute_limit()
    {
        var key = await Store.StoreAsync(Ticket(), Cancel);
        for (var day = 1; day < 90; day++)
        {
            clock.Advance(TimeSpan.FromDays(1));
            Assert.NotNull(await Store.RetrieveAsync(key, Cancel));
        }

        clock.Advance(TimeSpan.FromDays(1));
        Assert.Null(await Store.RetrieveAsync(key, Cancel));
    }

    [Fact]
    public async Task Last_seen_is_written_at_most_once_a_minute()
    {
        var key = await Store.StoreAsync(Ticket(), Cancel);
        var signedIn = (await RowAsync()).LastSeenAt;

        clock.Advance(TimeSpan.FromSeconds(30));
        await Store.RetrieveAsync(key, Cancel);
        Assert.Equal(signedIn, (await RowAsync()).LastSeenAt);

        clock.Advance(TimeSpan.FromSeconds(31));
        await Store.RetrieveAsync(key, Cancel);
        Assert.Equal(clock.GetUtcNow(), (await RowAsync()).LastSeenAt);
    }

    [Fact]
    public async Task A_renewal_keeps_the_session_and_a_renewal_after_it_ended_does_not_bring_it_back()
    {
        var key = await Store.StoreAsync(Ticket(), Cancel);
        var renewed = Ticket();
        renewed.Principal.Identities.First().AddClaim(new Claim(ClaimTypes.Role, "Press"));

        await Store.RenewAsync(key, renewed, Cancel);
        var back = await Store.RetrieveAsync(key, Cancel);
        Assert.True(back!.Principal.IsInRole("Press"));
        Assert.Equal(DatabaseTicketStore.IdFor(key), back.Principal.FindFirstValue(DatabaseTicketStore.SessionIdClaim));

        await Store.RemoveAsync(key, Cancel);
        await Store.RenewAsync(key, renewed, Cancel);
        Assert.Null(await Store.RetrieveAsync(key, Cancel));
    }

    [Fact]
    public async Task Sessions_are_ended_by_account_and_pruned_when_past_their_limits()
    {
        var first = await Store.StoreAsync(Ticket(), Cancel);
        var second = await Store.StoreAsync(Ticket("mfa"), Cancel);
        var third = await Store.StoreAsync(Ticket(), Cancel);
        Assert.Contains(SignInMethod.TwoFactor, await InDbAsync(db => db.AccountSessions.Select(s => s.Method).ToListAsync(Cancel)));

        using (var scope = services.CreateScope())
        {
            var sessions = scope.ServiceProvider.GetRequiredService<AccountSessions>();
            Assert.Equal(3, (await sessions.ListAsync(userId, Cancel)).Count);
            Assert.Equal(2, await sessions.EndOthersAsync(userId, DatabaseTicketStore.IdFor(first), Cancel));
        }

        Assert.NotNull(await Store.RetrieveAsync(first, Cancel));
        Assert.Null(await Store.RetrieveAsync(second, Cancel));
        Assert.Null(await Store.RetrieveAsync(third, Cancel));

        clock.Advance(TimeSpan.FromDays(15));
        using (var scope = services.CreateScope())
        {
            var sessions = scope.ServiceProvider.GetRequiredService<AccountSessions>();
            Assert.Empty(await sessions.ListAsync(userId, Cancel));
            Assert.Equal(1, await sessions.PruneExpiredAsync(Cancel));
        }
    }
}

public sealed class TicketStoreTestsOnSqlite : TicketStoreTests
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("summit-sessions-");

    protected override Task<Dictionary<string, string?>> DatabaseSettingsAsync()
    {
        TestDatabases.CopySqliteTemplate(folder.FullName);
        return Task.FromResult(new Dictionary<string, string?> { ["Storage:Path"] = folder.FullName });
    }

    protected override Task DisposeDatabaseAsync()
    {
        SqliteConnection.ClearAllPools();
        folder.Delete(recursive: true);
        return Task.CompletedTask;
    }
}

public sealed class TicketStoreTestsOnPostgres : TicketStoreTests
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("summit-sessions-");
    private PostgresDatabase? database;

    protected override async Task<Dictionary<string, string?>> DatabaseSettingsAsync()
    {
        database = await PostgresDatabase.CreateAsync(TestEnvironment.RequirePostgres());
        return new Dictionary<string, string?>
        {
            ["Storage:Path"] = folder.FullName,
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Summit"] = database.ConnectionString,
        };
    }

    protected override async Task DisposeDatabaseAsync()
    {
        if (database is not null)
        {
            await database.DisposeAsync();
        }

        folder.Delete(recursive: true);
    }
}
