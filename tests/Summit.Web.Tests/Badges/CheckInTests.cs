using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Summit.Core.Accounts;
using Summit.Core.Data;
using Summit.Core.Registrations;
using Summit.Testing;

namespace Summit.Web.Tests.Badges;

/// <summary>The door over HTTP: who may use it, and what a scan answers, on each database engine.</summary>
public abstract class CheckInTests<TApp>(TApp app) where TApp : SummitApp
{
    protected SummitFactory App => app.Factory;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(null, false)]
    [InlineData(Roles.Attendee, false)]
    [InlineData(Roles.Speaker, false)]
    [InlineData(Roles.Press, false)]
    [InlineData(Roles.CheckIn, true)]
    [InlineData(Roles.Organizer, true)]
    public async Task Only_organizers_and_check_in_staff_open_the_desk(string? role, bool allowed)
    {
        using var client = App.Browser();
        if (role is not null)
        {
            var user = await App.CreateUserAsync($"desk-{Guid.NewGuid():N}@summit.test", role);
            await client.SignInAsync(user.Email!);
        }

        using var response = await client.GetAsync(new Uri("/checkin", UriKind.Relative), Cancel);

        if (allowed)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("camera=(self)", response.Headers.GetValues("Permissions-Policy").Single(), StringComparison.Ordinal);
            Assert.Contains("script-src 'self' 'wasm-unsafe-eval';", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains(role is null ? "/account/login" : "/account/access-denied", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_camera_QR_reader_is_served_from_the_site_and_only_the_desk_may_compile_it()
    {
        using var client = App.Browser();

        using var wasm = await client.GetAsync(new Uri("/lib/barcode-detector/zxing_reader.wasm", UriKind.Relative), Cancel);
        using var script = await client.GetAsync(new Uri("/lib/barcode-detector/ponyfill.js", UriKind.Relative), Cancel);
        using var home = await client.GetAsync(new Uri("/", UriKind.Relative), Cancel);

        Assert.Equal(HttpStatusCode.OK, wasm.StatusCode);
        Assert.Equal("application/wasm", wasm.Content.Headers.ContentType?.MediaType);
        // The reader is the one the library was built for: the library names its SHA-256.
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(await wasm.Content.ReadAsByteArrayAsync(Cancel)));
        Assert.Contains(hash, await script.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        var policy = home.Headers.GetValues("Content-Security-Policy").Single();
        Assert.DoesNotContain("wasm-unsafe-eval", policy, StringComparison.Ordinal);
        Assert.Contains("camera=()", home.Headers.GetValues("Permissions-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_scan_welcomes_once_then_says_already_and_a_cancelled_or_forged_badge_is_stopped()
    {
        var (guest, gone) = await App.ScopedAsync(async s =>
        {
            var db = s.GetRequiredService<SummitDbContext>();
            var category = await db.RegistrationCategories.Where(c => c.Kind == CategoryKind.General && c.Capacity == null && !c.RequiresApproval && !c.RequiresInvitation).Select(c => c.Id).FirstAsync(Cancel);
            var register = s.GetRequiredService<RegisterAttendee>();
            RegistrationDetails Person(string email) => new("林", "美", "Lim", "Mei", false, "MAS", null, email, null, "SG", "en", null, null, false, true, "2026-11");
            var one = await register.RunAsync(category, Person($"door-{Guid.NewGuid():N}@summit.test"), null, cancellationToken: Cancel);
            var two = await register.RunAsync(category, Person($"gone-{Guid.NewGuid():N}@summit.test"), null, cancellationToken: Cancel);
            await s.GetRequiredService<ChangeRegistration>().CancelAsync(two.RegistrationId!.Value, cancellationToken: Cancel);
            var tokens = s.GetRequiredService<BadgeTokens>();
            return (tokens.Issue(one.RegistrationId!.Value, 1), tokens.Issue(two.RegistrationId!.Value, 1));
        });
        var staff = await App.CreateUserAsync($"volunteer-{Guid.NewGuid():N}@summit.test", Roles.CheckIn);
        using var client = App.Browser();
        await client.SignInAsync(staff.Email!);

        async Task<string> ScanAsync(string code)
        {
            using var response = await client.PostAsync("/checkin", new Dictionary<string, string> { ["Code"] = code, ["Desk"] = "East gate" });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Cancel));
        }

        var first = await ScanAsync(guest);
        Assert.Contains("<h2>Welcome</h2>", first, StringComparison.Ordinal);
        Assert.Contains("林美", first, StringComparison.Ordinal);
        var second = await ScanAsync(guest);
        Assert.Contains("<h2>Already checked in</h2>", second, StringComparison.Ordinal);
        Assert.Contains("at East gate.", second, StringComparison.Ordinal);
        Assert.Contains("<h2>Cancelled</h2>", await ScanAsync(gone), StringComparison.Ordinal);
        Assert.Contains("<h2>Not a valid badge</h2>", await ScanAsync(guest[..^4] + "AAAA"), StringComparison.Ordinal);
        Assert.Contains("<h2>Not a valid badge</h2>", await ScanAsync("<script>alert(1)</script>"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_speakers_badge_shows_the_speakers_photo_at_the_desk()
    {
        // The demo's own publish has its speaker sync as a consequence: let it finish first, or it may register the
        // speaker at the same moment as the sync this test runs (one of them then meets the unique address).
        await App.ConsequencesSettledAsync();
        var (token, key) = await App.ScopedAsync(async s =>
        {
            var db = s.GetRequiredService<SummitDbContext>();
            var speaker = await db.Speakers.Where(x => x.Slug == "zeng-gang").Select(x => x.Id).FirstAsync(Cancel);
            // The demo's categories came after its programme, and its speakers have no address: give him one, then do
            // what a published version does, register the speakers on it.
            await db.Speakers.Where(x => x.Id == speaker).ExecuteUpdateAsync(u => u.SetProperty(x => x.ContactEmail, "zeng.gang@summit.test"), Cancel);
            var version = await db.ScheduleVersions.Where(v => v.EditionId == db.Editions.Where(e => e.Slug == "2021").Select(e => e.Id).First())
                .OrderByDescending(v => v.Number).Select(v => new { v.Id, v.EditionId, v.Number }).FirstAsync(Cancel);
            await ActivatorUtilities.CreateInstance<SyncSpeakerRegistrations>(s).HandleAsync(new Core.Scheduling.ScheduleVersionPublished(version.EditionId, "2021", version.Id, version.Number, 0), Cancel);
            var registration = await db.Registrations.Where(r => r.SpeakerId == speaker && r.Status == RegistrationStatus.Confirmed).Select(r => new { r.Id, r.BadgeRevision }).FirstAsync(Cancel);
            var photo = await db.SpeakerPhotos.Where(p => p.SpeakerId == speaker && p.Status == Core.Speakers.PhotoStatus.Approved).Select(p => p.Key).FirstAsync(Cancel);
            return (s.GetRequiredService<BadgeTokens>().Issue(registration.Id, registration.BadgeRevision), photo);
        });
        var staff = await App.CreateUserAsync($"volunteer-{Guid.NewGuid():N}@summit.test", Roles.CheckIn);
        using var client = App.Browser();
        await client.SignInAsync(staff.Email!);

        using var response = await client.PostAsync("/checkin", new Dictionary<string, string> { ["Code"] = token, ["Desk"] = "Speakers' desk" });

        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Cancel));
        Assert.Contains($"src=\"/media/speakers/{key}/square\" alt=\"Photo of Zeng Gang\"", page, StringComparison.Ordinal);
    }
}

public sealed class CheckInTestsOnSqlite(SqliteDemoApp app) : CheckInTests<SqliteDemoApp>(app), IClassFixture<SqliteDemoApp>;

public sealed class CheckInTestsOnPostgres(PostgresDemoApp app) : CheckInTests<PostgresDemoApp>(app), IClassFixture<PostgresDemoApp>;
