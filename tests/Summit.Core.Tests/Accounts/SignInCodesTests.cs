using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Summit.Core.Accounts;
using Summit.Core.Data;
using Summit.Testing;

namespace Summit.Core.Tests.Accounts;

/// <summary>
/// The bookkeeping that makes a second-factor code sign in once, on a real engine: of several requests taking the
/// same authenticator step or the same emailed code at the same moment exactly one succeeds, an earlier step never
/// does, and an emailed code stops working when it expires or is replaced.
/// </summary>
public abstract class SignInCodesTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);
    private ServiceProvider services = null!;
    private string userId = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    protected abstract Task<Dictionary<string, string?>> DatabaseSettingsAsync();

    protected abstract Task DisposeDatabaseAsync();

    public async ValueTask InitializeAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(await DatabaseSettingsAsync()).Build();
        var collection = new ServiceCollection().AddLogging();
        collection.AddSummitCore(configuration);
        services = collection.BuildServiceProvider();
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SummitDbContext>();
        var user = new SummitUser { UserName = "mei@example.org", Email = "mei@example.org", DisplayName = "Mei", CreatedAt = Now };
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

    /// <summary>Runs the same call in eight scopes (eight connections) released together.</summary>
    private async Task<bool[]> AtOnceAsync(Func<SignInCodes, Task<bool>> take)
    {
        using var start = new SemaphoreSlim(0);
        var tasks = Enumerable.Range(0, 8).Select(async _ =>
        {
            using var scope = services.CreateScope();
            var codes = scope.ServiceProvider.GetRequiredService<SignInCodes>();
            await start.WaitAsync(Cancel);
            return await take(codes);
        }).ToArray();
        start.Release(tasks.Length);
        return await Task.WhenAll(tasks);
    }

    private async Task<T> InScopeAsync<T>(Func<SignInCodes, Task<T>> call)
    {
        using var scope = services.CreateScope();
        return await call(scope.ServiceProvider.GetRequiredService<SignInCodes>());
    }

    private async Task InScopeAsync(Func<SignInCodes, Task> call)
    {
        using var scope = services.CreateScope();
        await call(scope.ServiceProvider.GetRequiredService<SignInCodes>());
    }

    [Fact]
    public async Task Of_requests_taking_an_accounts_first_authenticator_step_at_once_exactly_one_succeeds()
    {
        var taken = await AtOnceAsync(codes => codes.TakeAuthenticatorStepAsync(userId, 59_000_000, Cancel));

        Assert.Single(taken, t => t);
        Assert.False(await InScopeAsync(codes => codes.TakeAuthenticatorStepAsync(userId, 59_000_000, Cancel)));
    }

    [Fact]
    public async Task Of_requests_taking_a_later_step_at_once_exactly_one_succeeds_and_earlier_steps_never_do()
    {
        Assert.True(await InScopeAsync(codes => codes.TakeAuthenticatorStepAsync(userId, 59_000_000, Cancel)));

        var taken = await AtOnceAsync(codes => codes.TakeAuthenticatorStepAsync(userId, 59_000_001, Cancel));

        Assert.Single(taken, t => t);
        Assert.False(await InScopeAsync(codes => codes.TakeAuthenticatorStepAsync(userId, 59_000_000, Cancel)));
        Assert.False(await InScopeAsync(codes => codes.TakeAuthenticatorStepAsync(userId, 58_999_999, Cancel)));
        // A step with more digits is later, though its text would sort first without the padding.
        Assert.True(await InScopeAsync(codes => codes.TakeAuthenticatorStepAsync(userId, 100_000_000, Cancel)));
        Assert.False(await InScopeAsync(codes => codes.TakeAuthenticatorStepAsync(userId, 99_999_999, Cancel)));
    }

    [Fact]
    public async Task Steps_of_one_account_do_not_use_up_anothers()
    {
        Assert.True(await InScopeAsync(codes => codes.TakeAuthenticatorStepAsync(userId, 59_000_010, Cancel)));
        string other;
        using (var scope = services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SummitDbContext>();
            var user = new SummitUser { UserName = "lin@example.org", Email = "lin@example.org", DisplayName = "Lin", CreatedAt = Now };
            db.Users.Add(user);
            await db.SaveChangesAsync(Cancel);
            other = user.Id;
        }

        Assert.True(await InScopeAsync(codes => codes.TakeAuthenticatorStepAsync(other, 59_000_010, Cancel)));
    }

    [Fact]
    public async Task Of_requests_using_one_emailed_code_at_once_exactly_one_signs_in_and_the_code_is_gone()
    {
        await InScopeAsync(codes => codes.KeepEmailCodeAsync(userId, "TwoFactor", "hash-a", Now.AddMinutes(10), Cancel));

        var used = await AtOnceAsync(codes => codes.UseEmailCodeAsync(userId, "TwoFactor", "hash-a", Now.AddMinutes(1), Cancel));

        Assert.Single(used, u => u);
        Assert.False(await InScopeAsync(codes => codes.UseEmailCodeAsync(userId, "TwoFactor", "hash-a", Now.AddMinutes(2), Cancel)));
    }

    [Fact]
    public async Task An_emailed_code_is_refused_once_it_expires_or_another_was_sent_or_with_another_purpose()
    {
        await InScopeAsync(codes => codes.KeepEmailCodeAsync(userId, "TwoFactor", "hash-a", Now.AddMinutes(10), Cancel));
        Assert.False(await InScopeAsync(codes => codes.UseEmailCodeAsync(userId, "TwoFactor", "hash-a", Now.AddMinutes(10), Cancel)));
        // The expired code was removed, not only refused.
        Assert.False(await InScopeAsync(codes => codes.UseEmailCodeAsync(userId, "TwoFactor", "hash-a", Now, Cancel)));

        await InScopeAsync(codes => codes.KeepEmailCodeAsync(userId, "TwoFactor", "hash-b", Now.AddMinutes(10), Cancel));
        await InScopeAsync(codes => codes.KeepEmailCodeAsync(userId, "TwoFactor", "hash-c", Now.AddMinutes(10), Cancel));
        Assert.False(await InScopeAsync(codes => codes.UseEmailCodeAsync(userId, "TwoFactor", "hash-b", Now, Cancel)));
        Assert.False(await InScopeAsync(codes => codes.UseEmailCodeAsync(userId, "Other", "hash-c", Now, Cancel)));
        Assert.False(await InScopeAsync(codes => codes.UseEmailCodeAsync(userId, "TwoFactor", "hash-x", Now, Cancel)));
        // A wrong guess does not use up the waiting code.
        Assert.True(await InScopeAsync(codes => codes.UseEmailCodeAsync(userId, "TwoFactor", "hash-c", Now, Cancel)));
    }

    [Fact]
    public async Task Codes_asked_for_at_once_leave_one_waiting_code_which_works()
    {
        var hashes = Enumerable.Range(0, 8).Select(i => $"hash-{i}").ToArray();
        using var start = new SemaphoreSlim(0);
        var tasks = hashes.Select(async hash =>
        {
            using var scope = services.CreateScope();
            var codes = scope.ServiceProvider.GetRequiredService<SignInCodes>();
            await start.WaitAsync(Cancel);
            await codes.KeepEmailCodeAsync(userId, "TwoFactor", hash, Now.AddMinutes(10), Cancel);
        }).ToArray();
        start.Release(tasks.Length);
        await Task.WhenAll(tasks);

        string? kept;
        using (var scope = services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SummitDbContext>();
            var rows = await db.UserTokens.AsNoTracking().Where(t => t.UserId == userId && t.LoginProvider == SignInCodes.Provider).Select(t => t.Value).ToListAsync(Cancel);
            kept = Assert.Single(rows);
        }

        var winner = Assert.Single(hashes, h => kept!.EndsWith(":" + h, StringComparison.Ordinal));
        Assert.True(await InScopeAsync(codes => codes.UseEmailCodeAsync(userId, "TwoFactor", winner, Now, Cancel)));
    }
}

public sealed class SignInCodesTestsOnSqlite : SignInCodesTests
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("summit-codes-");

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

public sealed class SignInCodesTestsOnPostgres : SignInCodesTests
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("summit-codes-");
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
