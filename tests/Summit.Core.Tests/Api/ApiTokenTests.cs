using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Summit.Core.Api;
using Summit.Core.Audit;
using Summit.Core.Data;
using Summit.Core.Editions;
using Summit.Testing;

namespace Summit.Core.Tests.Api;

public sealed class ApiScopeTests
{
    [Fact]
    public void Scopes_are_written_per_area_and_read_back_the_same()
    {
        var access = new Dictionary<string, ApiAccess> { [ApiScopes.CheckIn] = ApiAccess.ReadWrite, [ApiScopes.Registrations] = ApiAccess.Read, [ApiScopes.Press] = ApiAccess.None };

        var scopes = ApiScopes.Format(access);

        Assert.Equal("registrations:read checkin:write", scopes);
        var parsed = ApiScopes.Parse(scopes);
        Assert.Equal(ApiAccess.Read, parsed[ApiScopes.Registrations]);
        Assert.Equal(ApiAccess.ReadWrite, parsed[ApiScopes.CheckIn]);
        Assert.Equal(ApiAccess.None, parsed[ApiScopes.Press]);
    }

    [Theory]
    [InlineData("checkin:write", "checkin", ApiAccess.Read, true)]
    [InlineData("checkin:write", "checkin", ApiAccess.ReadWrite, true)]
    [InlineData("checkin:read", "checkin", ApiAccess.ReadWrite, false)]
    [InlineData("checkin:read", "registrations", ApiAccess.Read, false)]
    [InlineData("registrations:admin checkin:write", "registrations", ApiAccess.Read, false)]
    [InlineData("everything:write", "mail", ApiAccess.Read, false)]
    [InlineData("", "speakers", ApiAccess.Read, false)]
    [InlineData(null, "speakers", ApiAccess.Read, false)]
    public void A_scope_grants_its_area_and_level_only_and_unknown_scopes_grant_nothing(string? scopes, string area, ApiAccess needed, bool allowed) =>
        Assert.Equal(allowed, ApiScopes.Allows(scopes, area, needed));
}

/// <summary>Tokens on a real engine: shown once, kept as a hash, found while active, refused once revoked or expired, audited.</summary>
public abstract class ApiTokenTests : IAsyncLifetime
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.Zero));
    private ServiceProvider services = null!;
    private int editionId;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static readonly Dictionary<string, ApiAccess> CheckInOnly = new() { [ApiScopes.CheckIn] = ApiAccess.ReadWrite };

    protected abstract Task<Dictionary<string, string?>> DatabaseSettingsAsync();

    protected abstract Task DisposeDatabaseAsync();

    public async ValueTask InitializeAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(await DatabaseSettingsAsync()).Build();
        var collection = new ServiceCollection().AddLogging();
        collection.AddSummitCore(configuration);
        collection.AddSingleton<TimeProvider>(clock);
        services = collection.BuildServiceProvider();
        var saved = await WithAsync(s => s.GetRequiredService<SaveEdition>().RunAsync(null, new EditionDetails(
            "2027", "CCI-FS 2027", "2027峰会", null, null, new DateOnly(2027, 11, 5), new DateOnly(2027, 11, 6), "Venue", "场地", "Chongqing", "重庆", "Asia/Shanghai", EditionStatus.Open), Cancel));
        editionId = saved.EditionId!.Value;
    }

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        await DisposeDatabaseAsync();
        GC.SuppressFinalize(this);
    }

    private async Task<T> WithAsync<T>(Func<IServiceProvider, Task<T>> use)
    {
        using var scope = services.CreateScope();
        return await use(scope.ServiceProvider);
    }

    private Task<IssuedApiToken> IssueAsync(ApiTokenRequest request) =>
        WithAsync(s => s.GetRequiredService<ApiTokens>().IssueAsync(request, "org-1", Cancel));

    [Fact]
    public async Task A_token_is_shown_once_kept_as_a_hash_and_found_by_its_secret_while_active()
    {
        using var actor = AuditActor.Use(AuditActor.Person("org-1", "organizer@summit.test", "203.0.113.7"));
        var issued = await IssueAsync(new ApiTokenRequest("  Venue gates ", CheckInOnly, [editionId], clock.GetUtcNow().AddDays(30)));

        Assert.True(issued.Issued);
        Assert.StartsWith(ApiToken.SecretPrefix, issued.Secret, StringComparison.Ordinal);
        var stored = await WithAsync(s => s.GetRequiredService<SummitDbContext>().ApiTokens.AsNoTracking().SingleAsync(t => t.Id == issued.TokenId, Cancel));
        Assert.Equal("Venue gates", stored.Name);
        Assert.Equal("checkin:write", stored.Scopes);
        Assert.Equal(issued.Secret![..ApiToken.PrefixLength], stored.Prefix);
        Assert.DoesNotContain(issued.Secret, stored.TokenHash, StringComparison.Ordinal);
        Assert.Equal(64, stored.TokenHash.Length);
        Assert.True(stored.Reaches(editionId));
        Assert.False(stored.Reaches(editionId + 1));

        var found = await WithAsync(s => s.GetRequiredService<ApiTokens>().FindAsync(issued.Secret, Cancel));
        Assert.Equal(issued.TokenId, found?.Id);
        Assert.Null(await WithAsync(s => s.GetRequiredService<ApiTokens>().FindAsync(issued.Secret + "x", Cancel)));
        Assert.Null(await WithAsync(s => s.GetRequiredService<ApiTokens>().FindAsync("Bearer nonsense", Cancel)));

        // Its making is in the trail, with who made it; the hash is not shown there.
        var entry = await WithAsync(s => s.GetRequiredService<SummitDbContext>().AuditEntries.AsNoTracking().SingleAsync(e => e.ObjectType == AuditedTypes.ApiToken && e.ObjectId == issued.TokenId!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), Cancel));
        Assert.Equal(("created", "organizer@summit.test"), (entry.Action, entry.ActorName));
        Assert.Contains(entry.ChangeList, c => c.Field == "TokenHash" && c.Hidden && c.After is null);
        Assert.Contains(entry.ChangeList, c => c.Field == "Scopes" && c.After == "checkin:write");
    }

    [Fact]
    public async Task A_revoked_or_expired_token_is_not_found_and_revoking_twice_says_so()
    {
        var issued = await IssueAsync(new ApiTokenRequest("CRM sync", CheckInOnly, null, clock.GetUtcNow().AddDays(1)));
        Assert.NotNull(await WithAsync(s => s.GetRequiredService<ApiTokens>().FindAsync(issued.Secret, Cancel)));

        clock.Advance(TimeSpan.FromDays(1));
        Assert.Null(await WithAsync(s => s.GetRequiredService<ApiTokens>().FindAsync(issued.Secret, Cancel)));

        var other = await IssueAsync(new ApiTokenRequest("Streaming", CheckInOnly, null, null));
        Assert.True(await WithAsync(s => s.GetRequiredService<ApiTokens>().RevokeAsync(other.TokenId!.Value, Cancel)));
        Assert.Null(await WithAsync(s => s.GetRequiredService<ApiTokens>().FindAsync(other.Secret, Cancel)));
        Assert.False(await WithAsync(s => s.GetRequiredService<ApiTokens>().RevokeAsync(other.TokenId!.Value, Cancel)));
    }

    [Fact]
    public async Task A_token_without_name_scope_known_editions_or_future_expiry_is_refused_and_nothing_is_saved()
    {
        var issued = await IssueAsync(new ApiTokenRequest(" ", new Dictionary<string, ApiAccess>(), [editionId, 999_999], clock.GetUtcNow()));

        Assert.False(issued.Issued);
        Assert.Null(issued.Secret);
        Assert.Equal(
            [ApiTokens.Reasons.NameRequired, ApiTokens.Reasons.NoScope, ApiTokens.Reasons.ExpiryPast, ApiTokens.Reasons.UnknownEdition],
            issued.Refusals.Select(r => r.Message));
        Assert.Equal(0, await WithAsync(s => s.GetRequiredService<SummitDbContext>().ApiTokens.CountAsync(Cancel)));
    }

    [Fact]
    public async Task Last_use_is_recorded_at_most_once_a_minute_from_the_same_address()
    {
        var issued = await IssueAsync(new ApiTokenRequest("Gates", CheckInOnly, null, null));
        async Task<ApiToken> UseAsync(string address) => await WithAsync(async s =>
        {
            var tokens = s.GetRequiredService<ApiTokens>();
            var token = (await tokens.FindAsync(issued.Secret, Cancel))!;
            await tokens.RecordUseAsync(token, address, Cancel);
            return (await tokens.FindAsync(issued.Secret, Cancel))!;
        });

        var first = await UseAsync("198.51.100.4");
        clock.Advance(TimeSpan.FromSeconds(20));
        var soon = await UseAsync("198.51.100.4");
        var elsewhere = await UseAsync("198.51.100.9");

        Assert.Equal(first.LastUsedAt, soon.LastUsedAt);
        Assert.Equal(("198.51.100.9", clock.GetUtcNow()), (elsewhere.LastUsedFrom, elsewhere.LastUsedAt!.Value));
    }
}

public sealed class ApiTokenTestsOnSqlite : ApiTokenTests
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("summit-tokens-");

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

public sealed class ApiTokenTestsOnPostgres : ApiTokenTests
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("summit-tokens-");
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
