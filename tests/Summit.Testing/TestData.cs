using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Summit.Core.Accounts;
using Summit.Core.Data;
using Summit.Core.Editions;
using Summit.Core.Registrations;
using Summit.Core.Scheduling;
using Summit.Core.Speakers;
using Xunit;

namespace Summit.Testing;

/// <summary>
/// Builders of the small data a test asserts on, through the same use cases the pages call (so the data is valid by
/// the rules). Every builder takes what the test cares about and makes up the rest; names are unique per call.
/// </summary>
public sealed class TestData(IServiceProvider services)
{
    private static int counter;

    private static int Next() => Interlocked.Increment(ref counter);

    public SummitDbContext Db => services.GetRequiredService<SummitDbContext>();

    /// <summary>An open edition in Chongqing; <paramref name="slug"/> defaults to a unique year-like slug.</summary>
    public async Task<Edition> EditionAsync(string? slug = null, DateOnly? start = null, EditionStatus status = EditionStatus.Open)
    {
        var first = start ?? new DateOnly(2030, 11, 5);
        var n = Next();
        var details = new EditionDetails(
            slug ?? $"t{n}", $"CCI-FS test {n}", $"测试峰会{n}", null, null, first, first.AddDays(1),
            "Test venue", "测试场地", "Chongqing", "重庆", "Asia/Shanghai", status);
        var saved = await services.GetRequiredService<SaveEdition>().RunAsync(null, details);
        Assert.True(saved.EditionId is not null, string.Join("; ", saved.Refusals.Select(r => r.Message)));
        return await Db.Editions.AsNoTracking().SingleAsync(e => e.Id == saved.EditionId);
    }

    /// <summary>
    /// The id of the edition with this slug, made if there is none yet (so tests of one class share it). A year-like
    /// slug gets 5–6 November of that year, as the summit has; <c>"2021"</c> matches the demo's dates.
    /// </summary>
    public async Task<int> EditionIdAsync(string slug = "2021")
    {
        var found = await Db.Editions.Where(e => e.Slug == slug).Select(e => (int?)e.Id).FirstOrDefaultAsync();
        if (found is int id)
        {
            return id;
        }

        var start = int.TryParse(slug, out var year) && year is > 2000 and < 2100 ? new DateOnly(year, 11, 5) : (DateOnly?)null;
        return (await EditionAsync(slug, start)).Id;
    }

    /// <summary>A room (in a venue of its own) of an edition.</summary>
    public async Task<int> RoomAsync(int editionId, int? capacity = 100)
    {
        var n = Next();
        var items = services.GetRequiredService<SaveProgrammeItem>();
        var venue = await items.SaveVenueAsync(editionId, null, $"Venue {n}", $"场馆{n}");
        Assert.Empty(venue.Refusals);
        var room = await items.SaveRoomAsync(editionId, null, venue.Id!.Value, new RoomDetails($"Room {n}", $"会议室{n}", capacity, SessionLanguage.English, null, n));
        Assert.Empty(room.Refusals);
        return room.Id!.Value;
    }

    /// <summary>A session type (a talk, or a break) of an edition.</summary>
    public async Task<int> SessionTypeAsync(int editionId, bool isBreak = false)
    {
        var n = Next();
        var type = await services.GetRequiredService<SaveProgrammeItem>().SaveTypeAsync(editionId, null, $"Type {n}", $"类型{n}", isBreak, n);
        Assert.Empty(type.Refusals);
        return type.Id!.Value;
    }

    /// <summary>A registration category of an edition.</summary>
    public async Task<int> CategoryAsync(int editionId, int? capacity = null, bool approval = false, bool invitation = false, CategoryKind kind = CategoryKind.General, string? nameEn = null)
    {
        var n = Next();
        var saved = await services.GetRequiredService<SaveCategory>().RunAsync(editionId, null, new CategoryDetails(
            nameEn ?? $"Category {n}", $"类别{n}", null, null, kind, capacity, approval, invitation, null, null, n));
        Assert.True(saved.Saved, string.Join("; ", saved.Refusals.Select(r => r.Message)));
        return saved.CategoryId!.Value;
    }

    /// <summary>What a person types on the public form (Latin names, English, consent given).</summary>
    public static RegistrationDetails Person(string email, string family = "Tan", string given = "Mei Ling", string culture = "en") =>
        new(null, null, family, given, false, "Bank of Chongqing", "Economist", email, null, "SG", culture, null, null, false, true, "2026-11");

    /// <summary>A registration as the public form makes it.</summary>
    public async Task<RegistrationOutcome> RegistrationAsync(int categoryId, string email, string? code = null)
    {
        var outcome = await services.GetRequiredService<RegisterAttendee>().RunAsync(categoryId, Person(email), code);
        Assert.True(outcome.RegistrationId is not null, string.Join("; ", outcome.Refusals.Select(r => r.Message)));
        return outcome;
    }

    /// <summary>
    /// <paramref name="count"/> confirmed registrations of a category in one transaction, each as
    /// <see cref="RegisterAttendee"/> leaves it (seat counted), for tests about what follows a registration (sign-ups,
    /// lists). Unlike <see cref="RegistrationAsync"/> no email or badge follows: hundreds of those would be rendered
    /// and sent in the background for nothing. Latin names "Guest" / "Number i"; addresses <c>prefix-category-i@summit.test</c>.
    /// </summary>
    public async Task<IReadOnlyList<Registration>> ConfirmedRegistrationsAsync(int categoryId, int count, string prefix)
    {
        var db = Db;
        var category = await db.RegistrationCategories.AsNoTracking().SingleAsync(c => c.Id == categoryId);
        Assert.True(category.Capacity is null || category.Confirmed + count <= category.Capacity, "The category has fewer seats left than registrations asked for.");
        var now = DateTimeOffset.UtcNow;
        var made = Enumerable.Range(0, count).Select(i =>
        {
            var registration = Registration.Create(category.EditionId, categoryId, Person($"{prefix}-{categoryId}-{i}@summit.test", "Guest", $"Number {i}"), Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), now);
            registration.MoveTo(RegistrationStatus.Confirmed, now);
            return registration;
        }).ToList();
        await using var transaction = await db.Database.BeginTransactionAsync();
        db.Registrations.AddRange(made);
        await db.SaveChangesAsync();
        await db.RegistrationCategories.Where(c => c.Id == categoryId).ExecuteUpdateAsync(s => s.SetProperty(c => c.Confirmed, c => c.Confirmed + count));
        await transaction.CommitAsync();
        db.ChangeTracker.Clear();
        return made;
    }

    /// <summary>A speaker profile in both scripts, listed for the given editions.</summary>
    public async Task<int> SpeakerAsync(string? slug = null, IReadOnlyCollection<int>? editionIds = null, string familyZh = "李", string givenZh = "明华", string familyLatin = "Li", string givenLatin = "Minghua")
    {
        var n = Next();
        var details = new SpeakerDetails(
            slug ?? $"test-speaker-{n}", familyZh, givenZh, familyLatin, givenLatin, true, null, null, "CN",
            "A test biography.", "测试简介。", null, [new PositionDetails("Economist", "经济学家", "Test Bank", "测试银行")], []);
        var saved = await services.GetRequiredService<SaveSpeaker>().RunAsync(null, details, editionIds);
        Assert.True(saved.Saved, string.Join("; ", saved.Refusals.Select(r => r.Message)));
        return saved.SpeakerId!.Value;
    }

    /// <summary>The id of the speaker with this slug, made (Zeng Gang's names by default) if there is none yet.</summary>
    public async Task<int> SpeakerIdAsync(string slug = "zeng-gang", string familyZh = "曾", string givenZh = "刚", string familyLatin = "Zeng", string givenLatin = "Gang")
    {
        var found = await Db.Speakers.Where(s => s.Slug == slug).Select(s => (int?)s.Id).FirstOrDefaultAsync();
        return found ?? await SpeakerAsync(slug, [await EditionIdAsync("2021")], familyZh, givenZh, familyLatin, givenLatin);
    }

    /// <summary>A confirmed account with a role (or none), signed in later with <paramref name="password"/>.</summary>
    public Task<SummitUser> UserAsync(string email, string? role, string password) => UserAsync(services, email, role, password);

    public static async Task<SummitUser> UserAsync(IServiceProvider services, string email, string? role, string password, bool confirmed = true)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(email);
        var users = services.GetRequiredService<UserManager<SummitUser>>();
        var user = new SummitUser { UserName = email, Email = email, DisplayName = email.Split('@')[0], EmailConfirmed = confirmed, CreatedAt = DateTimeOffset.UtcNow };
        var result = await users.CreateAsync(user, password);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
        if (role is not null)
        {
            await users.AddToRoleAsync(user, role);
        }

        return user;
    }
}
