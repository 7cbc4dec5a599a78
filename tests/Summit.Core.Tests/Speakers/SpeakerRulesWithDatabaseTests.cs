using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Summit.Core.Accounts;
using Summit.Core.Data;
using Summit.Core.Speakers;
using Summit.Testing;

namespace Summit.Core.Tests.Speakers;

/// <summary>The invitation and merge rules against a real SQLite file, with Core's own services and a fake clock.</summary>
public sealed class SpeakerRulesWithDatabaseTests : IAsyncLifetime
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("summit-rules-");
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.Zero));
    private ServiceProvider services = null!;

    public async ValueTask InitializeAsync()
    {
        TestDatabases.CopySqliteTemplate(folder.FullName);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:Path"] = folder.FullName }).Build();
        var collection = new ServiceCollection().AddLogging();
        collection.AddSummitCore(configuration);
        collection.AddSingleton<TimeProvider>(clock);
        services = collection.BuildServiceProvider();
        using var scope = services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<EnsureRoles>().RunAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        folder.Delete(recursive: true);
    }

    private static async Task<int> SpeakerAsync(IServiceProvider scope, string slug, string? bio = null, IReadOnlyCollection<int>? editions = null) =>
        (await scope.GetRequiredService<SaveSpeaker>().RunAsync(null, new SpeakerDetails(
            slug, null, null, "Tan", slug, true, null, null, null, bio, null, null, [new PositionDetails("Economist", null, "Bank", null)], []), editions)).SpeakerId!.Value;

    private static async Task<SummitUser> UserAsync(IServiceProvider scope, string email)
    {
        var users = scope.GetRequiredService<UserManager<SummitUser>>();
        var user = new SummitUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = email };
        Assert.True((await users.CreateAsync(user, "a long enough password")).Succeeded);
        return user;
    }

    [Fact]
    public async Task An_invitation_works_once_and_not_after_it_expires()
    {
        using var scope = services.CreateScope();
        var invitations = scope.ServiceProvider.GetRequiredService<SpeakerInvitations>();
        var speakerId = await SpeakerAsync(scope.ServiceProvider, "invited");
        var alice = await UserAsync(scope.ServiceProvider, "alice@summit.test");

        var expiring = (await invitations.InviteAsync(speakerId, "alice@summit.test", "org", TestContext.Current.CancellationToken)).Issued!;
        clock.Advance(SpeakerInvitation.Lifetime);
        Assert.Equal(InvitationState.Expired, (await invitations.ViewAsync(expiring.Token, TestContext.Current.CancellationToken)).State);
        Assert.Equal(SpeakerInvitations.Reasons.NotUsable, (await invitations.AcceptAsync(expiring.Token, alice, TestContext.Current.CancellationToken))!.Message);

        var fresh = (await invitations.InviteAsync(speakerId, "alice@summit.test", "org", TestContext.Current.CancellationToken)).Issued!;
        Assert.Null(await invitations.AcceptAsync(fresh.Token, alice, TestContext.Current.CancellationToken));
        Assert.Equal(InvitationState.Used, (await invitations.ViewAsync(fresh.Token, TestContext.Current.CancellationToken)).State);
        Assert.Equal(SpeakerInvitations.Reasons.NotUsable, (await invitations.AcceptAsync(fresh.Token, alice, TestContext.Current.CancellationToken))!.Message);
        Assert.True(await scope.ServiceProvider.GetRequiredService<UserManager<SummitUser>>().IsInRoleAsync(alice, Roles.Speaker));
    }

    [Fact]
    public async Task Only_a_hash_of_the_token_is_stored()
    {
        using var scope = services.CreateScope();
        var speakerId = await SpeakerAsync(scope.ServiceProvider, "hashed");
        var issued = (await scope.ServiceProvider.GetRequiredService<SpeakerInvitations>().InviteAsync(speakerId, "x@summit.test", "org", TestContext.Current.CancellationToken)).Issued!;
        var stored = await scope.ServiceProvider.GetRequiredService<SummitDbContext>().SpeakerInvitations.Select(i => i.TokenHash).SingleAsync(TestContext.Current.CancellationToken);
        Assert.NotEqual(issued.Token, stored);
        Assert.Equal(SpeakerInvitation.Hash(issued.Token), stored);
    }

    [Fact]
    public async Task Merge_keeps_what_is_filled_unites_editions_and_refuses_two_accounts()
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SummitDbContext>();
        var editions = scope.ServiceProvider.GetRequiredService<Summit.Core.Editions.SaveEdition>();
        var e2020 = (await editions.RunAsync(null, Summit.Core.Demo.DemoContent.Edition2021 with { Slug = "2020", StartDate = new DateOnly(2020, 11, 5), EndDate = new DateOnly(2020, 11, 6) }, TestContext.Current.CancellationToken)).EditionId!.Value;
        var e2021 = (await editions.RunAsync(null, Summit.Core.Demo.DemoContent.Edition2021, TestContext.Current.CancellationToken)).EditionId!.Value;
        var keep = await SpeakerAsync(scope.ServiceProvider, "keep", bio: null, editions: [e2021]);
        var duplicate = await SpeakerAsync(scope.ServiceProvider, "duplicate", bio: "From the duplicate", editions: [e2020, e2021]);
        var merge = scope.ServiceProvider.GetRequiredService<MergeSpeakers>();

        Assert.Equal(MergeSpeakers.Reasons.SameSpeaker, (await merge.RunAsync(keep, "keep", TestContext.Current.CancellationToken))!.Message);
        Assert.Equal(MergeSpeakers.Reasons.NotFound, (await merge.RunAsync(keep, "nobody", TestContext.Current.CancellationToken))!.Message);
        Assert.Null(await merge.RunAsync(keep, "duplicate", TestContext.Current.CancellationToken));

        db.ChangeTracker.Clear();
        var kept = await db.Speakers.Include(s => s.Editions).SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal(("keep", "From the duplicate"), (kept.GivenNameLatin, kept.BiographyEn));
        Assert.Equal([e2020, e2021], kept.Editions.Select(e => e.EditionId).Order());

        var other = await SpeakerAsync(scope.ServiceProvider, "other");
        var bob = await UserAsync(scope.ServiceProvider, "bob@summit.test");
        var carol = await UserAsync(scope.ServiceProvider, "carol@summit.test");
        await db.Speakers.Where(s => s.Id == keep).ExecuteUpdateAsync(u => u.SetProperty(s => s.UserId, bob.Id), TestContext.Current.CancellationToken);
        await db.Speakers.Where(s => s.Id == other).ExecuteUpdateAsync(u => u.SetProperty(s => s.UserId, carol.Id), TestContext.Current.CancellationToken);
        db.ChangeTracker.Clear();
        Assert.Equal(MergeSpeakers.Reasons.TwoAccounts, (await merge.RunAsync(keep, "other", TestContext.Current.CancellationToken))!.Message);
    }
}
