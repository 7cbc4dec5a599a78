using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Summit.Core.Accounts;
using Summit.Core.Audit;
using Summit.Core.Data;
using Summit.Core.Editions;
using Summit.Core.Registrations;
using Summit.Core.Scheduling;
using Summit.Testing;

namespace Summit.Core.Tests.Audit;

/// <summary>
/// The trail on a real engine: each committed write names who, what, when and from where with before → after; a
/// rollback leaves no entry; erasure removes the person's values but keeps the entries; pruning keeps what is young.
/// </summary>
public abstract class AuditTrailTests : IAsyncLifetime
{
    private static readonly AuditActor Organizer = AuditActor.Person("org-1", "organizer@summit.test", "203.0.113.7");
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.Zero));
    private ServiceProvider services = null!;
    private int editionId;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    protected abstract Task<Dictionary<string, string?>> DatabaseSettingsAsync();

    protected abstract Task DisposeDatabaseAsync();

    public async ValueTask InitializeAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(await DatabaseSettingsAsync()).Build();
        var collection = new ServiceCollection().AddLogging();
        collection.AddSummitCore(configuration);
        collection.AddSingleton<TimeProvider>(clock);
        services = collection.BuildServiceProvider();
        using var actor = AuditActor.Use(Organizer);
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

    private Task<List<AuditEntry>> EntriesAsync(string objectType, int id) =>
        WithAsync(s => s.GetRequiredService<SummitDbContext>().AuditEntries.AsNoTracking()
            .Where(e => e.ObjectType == objectType && e.ObjectId == id.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .OrderBy(e => e.Id).ToListAsync(Cancel));

    private async Task<int> CategoryAsync(bool approval)
    {
        using var actor = AuditActor.Use(Organizer);
        var saved = await WithAsync(s => s.GetRequiredService<SaveCategory>().RunAsync(editionId, null, new CategoryDetails("Delegate", "代表", null, null, CategoryKind.General, 10, approval, false, null, null, 1), Cancel));
        return saved.CategoryId!.Value;
    }

    private async Task<int> RegisterAsync(int category, string email)
    {
        using var actor = AuditActor.Use(AuditActor.Visitor("198.51.100.20"));
        var outcome = await WithAsync(s => s.GetRequiredService<RegisterAttendee>().RunAsync(category, new RegistrationDetails(
            null, null, "Zhao", "Lei", false, "Bank of Chongqing", "Economist", email, "+65 6123 4567", "SG", "en", "No pork", null, false, true, "2026-11"), null, cancellationToken: Cancel));
        return outcome.RegistrationId!.Value;
    }

    [Fact]
    public async Task A_registration_and_its_approval_record_who_when_where_and_each_field_before_and_after()
    {
        var category = await CategoryAsync(approval: true);
        var id = await RegisterAsync(category, "zhao.lei@example.com");
        clock.Advance(TimeSpan.FromMinutes(5));
        using (AuditActor.Use(Organizer))
        {
            Assert.Empty(await WithAsync(s => s.GetRequiredService<ChangeRegistration>().ApproveAsync([id], null, Cancel)));
        }

        var entries = await EntriesAsync(AuditedTypes.Registration, id);
        Assert.Equal(["created", "changed"], entries.Select(e => e.Action));
        var created = entries[0];
        Assert.Equal((AuditActorKind.Visitor, "198.51.100.20", editionId, "Lei Zhao"), (created.ActorKind, created.Address, created.EditionId, created.Label));
        Assert.Contains(created.ChangeList, c => c is { Field: "Email", Before: null, After: "zhao.lei@example.com", Personal: true });
        Assert.Contains(created.ChangeList, c => c is { Field: "Status", After: "PendingApproval", Personal: false });
        Assert.Contains(created.ChangeList, c => c is { Field: "AccessKey", Before: null, After: null, Hidden: true });

        var approved = entries[1];
        Assert.Equal((AuditActorKind.Person, "organizer@summit.test", "org-1", "203.0.113.7"), (approved.ActorKind, approved.ActorName, approved.ActorUserId, approved.Address));
        Assert.Equal(clock.GetUtcNow(), approved.At);
        Assert.Contains(approved.ChangeList, c => c is { Field: "Status", Before: "PendingApproval", After: "Confirmed" });
        Assert.DoesNotContain(approved.ChangeList, c => c.Field is "UpdatedAt" or "StatusChangedAt" or "Email");
    }

    [Fact]
    public async Task A_change_that_is_rolled_back_leaves_no_audit_entry()
    {
        var category = await CategoryAsync(approval: false);
        var before = await WithAsync(s => s.GetRequiredService<SummitDbContext>().AuditEntries.CountAsync(Cancel));
        using (var scope = services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SummitDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync(Cancel);
            var row = await db.RegistrationCategories.SingleAsync(c => c.Id == category, Cancel);
            db.Entry(row).Property(c => c.NameEn).CurrentValue = "Renamed";
            await db.SaveChangesAsync(Cancel);
            Assert.Equal(before + 1, await db.AuditEntries.CountAsync(Cancel));
            await transaction.RollbackAsync(Cancel);
        }

        Assert.Equal(before, await WithAsync(s => s.GetRequiredService<SummitDbContext>().AuditEntries.CountAsync(Cancel)));
    }

    [Fact]
    public async Task Erasing_a_registration_keeps_its_entries_without_the_persons_values()
    {
        var category = await CategoryAsync(approval: false);
        var id = await RegisterAsync(category, "erase.me@example.com");
        using (AuditActor.Use(Organizer))
        {
            Assert.Empty(await WithAsync(s => s.GetRequiredService<ChangeRegistration>().EraseAsync(id, Cancel)));
        }

        var entries = await EntriesAsync(AuditedTypes.Registration, id);
        Assert.Equal(["created", "erased"], entries.Select(e => e.Action));
        var json = string.Join("\n", entries.Select(e => e.Changes + e.Label + e.Address));
        foreach (var personal in new[] { "erase.me@example.com", "Zhao", "Bank of Chongqing", "6123", "No pork", "198.51.100.20" })
        {
            Assert.DoesNotContain(personal, json, StringComparison.Ordinal);
        }

        Assert.Contains(entries[0].ChangeList, c => c is { Field: "Email", After: AuditEntry.Erased, Personal: true });
        Assert.Contains(entries[1].ChangeList, c => c is { Field: "Status", Before: "Confirmed", After: "Cancelled" });
        Assert.All(entries, e => Assert.Equal(AuditEntry.Erased, e.Label));
        Assert.NotNull(entries[0].AnonymisedAt);
        Assert.Equal("organizer@summit.test", entries[1].ActorName);
    }

    [Fact]
    public async Task Adding_and_removing_a_role_is_recorded_on_the_account_with_the_role_name()
    {
        await WithAsync(async s =>
        {
            await s.GetRequiredService<EnsureRoles>().RunAsync();
            return true;
        });
        var user = await WithAsync(s => TestData.UserAsync(s, $"roles-{Guid.NewGuid():N}@summit.test", null, "a-long-passphrase-9"));
        using (AuditActor.Use(Organizer))
        {
            await WithAsync(async s =>
            {
                var users = s.GetRequiredService<UserManager<SummitUser>>();
                var found = (await users.FindByIdAsync(user.Id))!;
                await users.AddToRoleAsync(found, Roles.Press);
                return await users.RemoveFromRoleAsync(found, Roles.Press);
            });
        }

        var entries = await WithAsync(s => s.GetRequiredService<SummitDbContext>().AuditEntries.AsNoTracking()
            .Where(e => e.ObjectType == AuditedTypes.Account && e.ObjectId == user.Id && e.ActorName == "organizer@summit.test").OrderBy(e => e.Id).ToListAsync(Cancel));
        Assert.Contains(entries, e => e.ChangeList.Any(c => c is { Field: "Role", Before: null, After: Roles.Press }));
        Assert.Contains(entries, e => e.ChangeList.Any(c => c is { Field: "Role", Before: Roles.Press, After: null }));
        Assert.All(entries, e => Assert.Equal(user.Email, e.Label));
    }

    [Fact]
    public async Task Moving_a_session_records_its_room_and_times_before_and_after_and_a_job_names_itself()
    {
        var (session, rooms) = await WithAsync(async s =>
        {
            var data = new TestData(s);
            var type = await data.SessionTypeAsync(editionId);
            var first = await data.RoomAsync(editionId);
            var second = await data.RoomAsync(editionId);
            var saved = await s.GetRequiredService<SaveSession>().RunAsync(editionId, null, new SessionDetails(
                "Green finance", "绿色金融", null, null, type, null, SessionLanguage.English, false, null, []), Cancel);
            return (saved.SessionId!.Value, (first, second));
        });
        var start = new DateTimeOffset(2027, 11, 5, 1, 0, 0, TimeSpan.Zero);
        Assert.True((await WithAsync(s => s.GetRequiredService<ScheduleSession>().PlaceAsync(editionId, session, rooms.first, start, start.AddHours(1), Cancel))).Succeeded);
        using (AuditActor.Use(AuditActor.Job("MoveJob")))
        {
            Assert.True((await WithAsync(s => s.GetRequiredService<ScheduleSession>().PlaceAsync(editionId, session, rooms.second, start.AddHours(2), start.AddHours(3), Cancel))).Succeeded);
        }

        var moved = (await EntriesAsync(AuditedTypes.Session, session)).Last();
        Assert.Equal((AuditActorKind.System, "MoveJob", "Green finance", "changed"), (moved.ActorKind, moved.ActorName, moved.Label, moved.Action));
        Assert.Contains(moved.ChangeList, c => c.Field == "RoomId" && c.Before == rooms.first.ToString(System.Globalization.CultureInfo.InvariantCulture) && c.After == rooms.second.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains(moved.ChangeList, c => c is { Field: "StartsAt", Before: "2027-11-05 01:00:00Z", After: "2027-11-05 03:00:00Z" });
    }

    [Fact]
    public async Task Pruning_removes_entries_older_than_the_retention_and_keeps_the_rest()
    {
        await CategoryAsync(approval: false);
        clock.Advance(TimeSpan.FromDays(400));
        await CategoryAsync(approval: false);
        clock.Advance(TimeSpan.FromDays(400));
        var total = await WithAsync(s => s.GetRequiredService<SummitDbContext>().AuditEntries.CountAsync(Cancel));
        var old = await WithAsync(s => s.GetRequiredService<SummitDbContext>().AuditEntries.CountAsync(e => e.At < clock.GetUtcNow().AddDays(-730), Cancel));
        Assert.True(old > 0);

        var pruned = await WithAsync(s => AuditRetention.PruneAsync(s.GetRequiredService<SummitDbContext>(), clock.GetUtcNow(), TimeSpan.FromDays(730), Cancel));

        Assert.Equal(old, pruned);
        Assert.Equal(total - old, await WithAsync(s => s.GetRequiredService<SummitDbContext>().AuditEntries.CountAsync(Cancel)));
    }

    [Fact]
    public async Task A_passkey_added_renamed_and_removed_is_filed_under_the_account_with_its_name_and_no_key_material()
    {
        string userId;
        using (AuditActor.Use(Organizer))
        {
            userId = await WithAsync(async s =>
            {
                var users = s.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Summit.Core.Accounts.SummitUser>>();
                var user = new Summit.Core.Accounts.SummitUser { UserName = "mei@example.org", Email = "mei@example.org", DisplayName = "Mei", CreatedAt = clock.GetUtcNow() };
                Assert.True((await users.CreateAsync(user)).Succeeded);
                var passkey = new Microsoft.AspNetCore.Identity.UserPasskeyInfo([1, 2, 3, 4], [5, 6, 7], clock.GetUtcNow(), 0, ["internal"], true, false, false, [8], [9]) { Name = "Work laptop" };
                Assert.True((await users.AddOrUpdatePasskeyAsync(user, passkey)).Succeeded);
                passkey.Name = "Phone";
                Assert.True((await users.AddOrUpdatePasskeyAsync(user, passkey)).Succeeded);
                Assert.True((await users.RemovePasskeyAsync(user, [1, 2, 3, 4])).Succeeded);
                return user.Id;
            });
        }

        var entries = await WithAsync(s => s.GetRequiredService<SummitDbContext>().AuditEntries.AsNoTracking()
            .Where(e => e.ObjectType == AuditedTypes.Account && e.ObjectId == userId).OrderBy(e => e.Id).ToListAsync(Cancel));
        var passkeyChanges = entries.SelectMany(e => e.ChangeList).Where(c => c.Field.StartsWith("Passkey.", StringComparison.Ordinal)).ToList();
        Assert.Contains(passkeyChanges, c => c is { Field: "Passkey.Name", Before: null, After: "Work laptop" });
        Assert.Contains(passkeyChanges, c => c is { Field: "Passkey.Name", Before: "Work laptop", After: "Phone" });
        Assert.Contains(passkeyChanges, c => c is { Field: "Passkey.Name", Before: "Phone", After: null });
        Assert.All(passkeyChanges, c => Assert.True(c.Field is "Passkey.Name" or "Passkey.CreatedAt", c.Field));
        Assert.Equal("organizer@summit.test", entries.Last().ActorName);
    }

    [Fact]
    public void Every_entity_of_the_model_is_audited_or_says_why_not()
    {
        using var scope = services.CreateScope();
        var model = scope.ServiceProvider.GetRequiredService<SummitDbContext>().Model;
        var forgotten = model.GetEntityTypes()
            .Where(t => !t.IsOwned())
            .Select(t => t.ClrType)
            .Where(t => !AuditedTypes.Types.ContainsKey(t) && !AuditedTypes.NotAudited.ContainsKey(t))
            .Select(t => t.Name)
            .ToList();
        Assert.Empty(forgotten);
    }
}

public sealed class AuditTrailTestsOnSqlite : AuditTrailTests
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("summit-audit-");

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

public sealed class AuditTrailTestsOnPostgres : AuditTrailTests
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("summit-audit-");
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
