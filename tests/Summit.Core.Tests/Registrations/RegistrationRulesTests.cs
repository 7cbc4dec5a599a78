using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Summit.Core.Data;
using Summit.Core.Editions;
using Summit.Core.Registrations;

namespace Summit.Core.Tests.Registrations;

/// <summary>Every registration transition and refusal, against a real SQLite file with Core's own services and a fake clock.</summary>
public sealed class RegistrationRulesTests : IAsyncLifetime
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("summit-registrations-");
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.Zero));
    private ServiceProvider services = null!;
    private int editionId;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:Path"] = folder.FullName }).Build();
        var collection = new ServiceCollection().AddLogging();
        collection.AddSummitCore(configuration);
        collection.AddSingleton<TimeProvider>(clock);
        services = collection.BuildServiceProvider();
        using var scope = services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<SummitDbContext>().Database.MigrateAsync(Cancel);
        var saved = await scope.ServiceProvider.GetRequiredService<SaveEdition>().RunAsync(null, new EditionDetails(
            "2027", "CCI-FS 2027", "2027峰会", null, null, new DateOnly(2027, 11, 5), new DateOnly(2027, 11, 6), "Venue", "场地", "Chongqing", "重庆", "Asia/Shanghai", EditionStatus.Open), Cancel);
        editionId = saved.EditionId!.Value;
    }

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        folder.Delete(recursive: true);
    }

    private static RegistrationDetails Person(string email, string? familyLatin = "Tan", string? givenLatin = "Wei", bool consent = true, string? country = "SG") =>
        new(null, null, familyLatin, givenLatin, false, "Bank", "Economist", email, null, country, "en", null, null, false, consent, "2026-11");

    private async Task<int> CategoryAsync(int? capacity, bool approval = false, bool invitation = false, DateTimeOffset? opens = null, DateTimeOffset? closes = null)
    {
        using var scope = services.CreateScope();
        var saved = await scope.ServiceProvider.GetRequiredService<SaveCategory>().RunAsync(editionId, null, new CategoryDetails("Delegate", "代表", null, null, CategoryKind.General, capacity, approval, invitation, opens, closes, 1), Cancel);
        return saved.CategoryId!.Value;
    }

    private async Task<RegistrationOutcome> RegisterAsync(int category, RegistrationDetails details, string? code = null)
    {
        using var scope = services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<RegisterAttendee>().RunAsync(category, details, code, cancellationToken: Cancel);
    }

    private async Task<T> WithAsync<T>(Func<IServiceProvider, Task<T>> use)
    {
        using var scope = services.CreateScope();
        return await use(scope.ServiceProvider);
    }

    [Theory]
    [InlineData("not-an-address", "Tan", "Wei", true, "SG", RegisterAttendee.Reasons.EmailInvalid)]
    [InlineData("a@b.example", null, null, true, "SG", RegisterAttendee.Reasons.NameRequired)]
    [InlineData("a@b.example", "Tan", null, true, "SG", RegisterAttendee.Reasons.NameRequired)]
    [InlineData("a@b.example", "Tan", "Wei", false, "SG", RegisterAttendee.Reasons.ConsentRequired)]
    [InlineData("a@b.example", "Tan", "Wei", true, "XX1", RegisterAttendee.Reasons.CountryUnknown)]
    [InlineData("a@b.example", "Tan\u0000", "Wei", true, "SG", RegisterAttendee.Reasons.ControlCharacters)]
    public void The_form_is_refused_with_its_reason(string email, string? family, string? given, bool consent, string country, string reason)
    {
        Assert.Contains(RegisterAttendee.Check(Person(email, family, given, consent, country)), r => r.Message == reason);
    }

    [Fact]
    public async Task A_category_with_seats_confirms_and_a_full_one_waitlists_in_order()
    {
        var category = await CategoryAsync(capacity: 1);

        var first = await RegisterAsync(category, Person("one@summit.test"));
        var second = await RegisterAsync(category, Person("two@summit.test"));
        var third = await RegisterAsync(category, Person("three@summit.test"));

        Assert.Equal(RegistrationResult.Confirmed, first.Result);
        Assert.Equal((RegistrationResult.Waitlisted, 1), (second.Result, second.WaitlistPosition!.Value));
        Assert.Equal((RegistrationResult.Waitlisted, 2), (third.Result, third.WaitlistPosition!.Value));
    }

    [Fact]
    public async Task The_same_address_twice_is_already_registered_whatever_its_case()
    {
        var category = await CategoryAsync(capacity: null);
        var first = await RegisterAsync(category, Person("case@summit.test"));

        var again = await RegisterAsync(category, Person("CASE@Summit.test"));

        Assert.Equal(RegistrationResult.AlreadyRegistered, again.Result);
        Assert.Equal(first.RegistrationId, again.RegistrationId);
    }

    [Fact]
    public async Task A_category_outside_its_window_refuses_before_and_after()
    {
        var category = await CategoryAsync(capacity: null, opens: clock.GetUtcNow().AddDays(1), closes: clock.GetUtcNow().AddDays(2));

        Assert.Equal(RegisterAttendee.Reasons.NotOpenYet, Assert.Single((await RegisterAsync(category, Person("early@summit.test"))).Refusals).Message);
        clock.Advance(TimeSpan.FromDays(1.5));
        Assert.Equal(RegistrationResult.Confirmed, (await RegisterAsync(category, Person("ontime@summit.test"))).Result);
        clock.Advance(TimeSpan.FromDays(1.5));
        Assert.Equal(RegisterAttendee.Reasons.Closed, Assert.Single((await RegisterAsync(category, Person("late@summit.test"))).Refusals).Message);
    }

    [Fact]
    public async Task Approval_leaves_a_registration_pending_and_approving_it_takes_a_seat_or_waitlists()
    {
        var category = await CategoryAsync(capacity: 1, approval: true);
        var a = await RegisterAsync(category, Person("a@summit.test"));
        var b = await RegisterAsync(category, Person("b@summit.test"));
        Assert.Equal(RegistrationResult.PendingApproval, a.Result);
        Assert.Equal(RegistrationResult.PendingApproval, b.Result);

        var refusals = await WithAsync(s => s.GetRequiredService<ChangeRegistration>().ApproveAsync([a.RegistrationId!.Value, b.RegistrationId!.Value], "Welcome", Cancel));

        Assert.Empty(refusals);
        var statuses = await WithAsync(s => s.GetRequiredService<SummitDbContext>().Registrations.OrderBy(r => r.Id).Select(r => r.Status).ToListAsync(Cancel));
        Assert.Equal([RegistrationStatus.Confirmed, RegistrationStatus.Waitlisted], statuses);
        var again = await WithAsync(s => s.GetRequiredService<ChangeRegistration>().DeclineAsync([a.RegistrationId!.Value], null, Cancel));
        Assert.Equal(ChangeRegistration.Reasons.NotPending, Assert.Single(again).Message);
    }

    [Fact]
    public async Task An_invitation_code_is_needed_checked_against_the_category_and_used_up()
    {
        var category = await CategoryAsync(capacity: null, approval: true, invitation: true);
        var other = await CategoryAsync(capacity: null);
        var (code, _) = await WithAsync(s => s.GetRequiredService<SaveCategory>().IssueCodeAsync(editionId, category, null, 1, bypassesApproval: true, "Ministry delegation", Cancel));
        var (otherCode, _) = await WithAsync(s => s.GetRequiredService<SaveCategory>().IssueCodeAsync(editionId, other, "OTHERCAT", 5, false, null, Cancel));

        Assert.Equal(RegisterAttendee.Reasons.CodeRequired, Assert.Single((await RegisterAsync(category, Person("nocode@summit.test"))).Refusals).Message);
        Assert.Equal(RegisterAttendee.Reasons.CodeInvalid, Assert.Single((await RegisterAsync(category, Person("wrong@summit.test"), "NOSUCHCODE")).Refusals).Message);
        Assert.Equal(RegisterAttendee.Reasons.CodeInvalid, Assert.Single((await RegisterAsync(category, Person("othercat@summit.test"), otherCode)).Refusals).Message);
        Assert.Equal(RegistrationResult.Confirmed, (await RegisterAsync(category, Person("invited@summit.test"), code!.ToLowerInvariant())).Result);
        Assert.Equal(RegisterAttendee.Reasons.CodeUsedUp, Assert.Single((await RegisterAsync(category, Person("second@summit.test"), code)).Refusals).Message);
    }

    [Fact]
    public async Task Cancellations_and_a_capacity_increase_promote_first_come_first_served()
    {
        var category = await CategoryAsync(capacity: 1);
        var outcomes = new List<RegistrationOutcome>();
        foreach (var name in new[] { "p0", "p1", "p2", "p3" })
        {
            outcomes.Add(await RegisterAsync(category, Person($"{name}@summit.test")));
        }

        await WithAsync(s => s.GetRequiredService<ChangeRegistration>().CancelAsync(outcomes[0].RegistrationId!.Value, cancellationToken: Cancel));
        await WithAsync(s => s.GetRequiredService<SaveCategory>().RunAsync(editionId, category, new CategoryDetails("Delegate", "代表", null, null, CategoryKind.General, 2, false, false, null, null, 1), Cancel));

        var rows = await WithAsync(s => s.GetRequiredService<SummitDbContext>().Registrations.AsNoTracking().OrderBy(r => r.Id).Select(r => new { r.Status, r.Email }).ToListAsync(Cancel));
        Assert.Equal([RegistrationStatus.Cancelled, RegistrationStatus.Confirmed, RegistrationStatus.Confirmed, RegistrationStatus.Waitlisted], rows.Select(r => r.Status));
        var lowered = await WithAsync(s => s.GetRequiredService<SaveCategory>().RunAsync(editionId, category, new CategoryDetails("Delegate", "代表", null, null, CategoryKind.General, 1, false, false, null, null, 1), Cancel));
        Assert.Equal(SaveCategory.Reasons.CapacityBelowConfirmed, Assert.Single(lowered.Refusals).Message);
        Assert.Equal(2, await WithAsync(s => s.GetRequiredService<SummitDbContext>().RegistrationCategories.Where(c => c.Id == category).Select(c => c.Confirmed).FirstAsync(Cancel)));
    }
}
