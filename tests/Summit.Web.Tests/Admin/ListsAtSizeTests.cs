using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Summit.Core.Accounts;
using Summit.Core.Demo;
using Summit.Core.Mail;
using Summit.Core.Press;
using Summit.Core.Registrations;
using Summit.Testing;

namespace Summit.Web.Tests.Admin;

/// <summary>
/// The size-test edition (<c>Demo:Scale</c>, issue 22 item 6) at 3 tenths of a large summit, and the organizer's
/// long lists on it: pages with their filters kept, a page past the end showing the last, the CSV streamed whole.
/// </summary>
public sealed partial class ListsAtSizeTests(ListsAtSizeTests.ScaleApp app) : IClassFixture<ListsAtSizeTests.ScaleApp>
{
    private const int Tenths = 3;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Demo_scale_adds_an_edition_of_the_asked_size_published_with_waiting_and_pending_registrations_and_audited()
    {
        var (sessions, published, speakers, registrations, articles, sentMails, audited) = await app.Factory.WithDbAsync(async db =>
        {
            var edition = await db.Editions.AsNoTracking().SingleAsync(e => e.Slug == DemoScale.Slug, Cancel);
            var version = await db.ScheduleVersions.Where(v => v.EditionId == edition.Id).OrderByDescending(v => v.Number).Select(v => v.Id).FirstAsync(Cancel);
            return (
                await db.Sessions.CountAsync(s => s.EditionId == edition.Id, Cancel),
                await db.PublishedSessions.CountAsync(s => s.VersionId == version, Cancel),
                await db.Speakers.CountAsync(s => s.Slug.StartsWith("size-"), Cancel),
                await db.Registrations.Where(r => r.EditionId == edition.Id).GroupBy(r => r.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, Cancel),
                await db.Articles.CountAsync(a => a.EditionId == edition.Id && a.Status == ArticleStatus.Published, Cancel),
                await db.OutgoingMails.CountAsync(m => m.ToAddress.EndsWith("@size-test.example") && m.Status == MailStatus.Sent, Cancel),
                await db.AuditEntries.CountAsync(e => e.ActorName == "demo scale" && e.ObjectType == "Registration", Cancel));
        });

        Assert.Equal(DemoScale.SessionsPerTenth * Tenths, sessions);
        Assert.Equal(sessions, published);
        Assert.Equal(DemoScale.SpeakersPerTenth * Tenths, speakers);
        Assert.Equal(DemoScale.RegistrationsPerTenth * Tenths, registrations.Values.Sum());
        Assert.True(registrations.GetValueOrDefault(RegistrationStatus.Waitlisted) > 0, "nobody waits");
        Assert.True(registrations.GetValueOrDefault(RegistrationStatus.PendingApproval) > 0, "nobody awaits approval");
        Assert.True(registrations.GetValueOrDefault(RegistrationStatus.Cancelled) > 0, "nobody cancelled");
        Assert.Equal(registrations[RegistrationStatus.Confirmed], sentMails);
        Assert.Equal(DemoScale.ArticlesPerTenth * Tenths, articles);
        Assert.Equal(DemoScale.RegistrationsPerTenth * Tenths, audited);

        // The seat counters agree with the rows, so the capacity rules hold on the generated edition as on any.
        var counters = await app.Factory.WithDbAsync(db => db.RegistrationCategories.AsNoTracking().Where(c => db.Editions.Any(e => e.Id == c.EditionId && e.Slug == DemoScale.Slug))
            .Select(c => new { c.Confirmed, c.LastWaitlistTicket, Rows = db.Registrations.Count(r => r.CategoryId == c.Id && r.Status == RegistrationStatus.Confirmed), Waiting = db.Registrations.Count(r => r.CategoryId == c.Id && r.Status == RegistrationStatus.Waitlisted) })
            .ToListAsync(Cancel));
        Assert.All(counters, c => Assert.Equal(c.Rows, c.Confirmed));
        Assert.Equal(registrations[RegistrationStatus.Waitlisted], counters.Sum(c => c.LastWaitlistTicket));
    }

    [Fact]
    public async Task The_registration_list_pages_through_six_thousand_keeping_its_filters_and_a_page_past_the_end_is_the_last()
    {
        using var client = await OrganizerAsync();
        var total = DemoScale.RegistrationsPerTenth * Tenths;
        var first = await PageAsync(client, $"/admin/registrations/{DemoScale.Slug}");
        Assert.Contains($"{total:N0} registrations match, newest first.", first, StringComparison.Ordinal);
        Assert.Contains($"Rows 1–100 of {total:N0}; page 1 of {total / 100}.", first, StringComparison.Ordinal);
        Assert.Equal(100, RowCount(first));
        Assert.Contains($"href=\"/admin/registrations/{DemoScale.Slug}?page=2\" rel=\"next\"", first, StringComparison.Ordinal);
        Assert.DoesNotContain("rel=\"prev\"", first, StringComparison.Ordinal);

        var last = await PageAsync(client, $"/admin/registrations/{DemoScale.Slug}?page={total / 100}");
        var beyond = await PageAsync(client, $"/admin/registrations/{DemoScale.Slug}?page=99999");
        Assert.Contains($"Rows {total - 99:N0}–{total:N0} of {total:N0}; page {total / 100} of {total / 100}.", beyond, StringComparison.Ordinal);
        Assert.Equal(Ids(last), Ids(beyond));
        Assert.DoesNotContain("rel=\"next\"", last, StringComparison.Ordinal);
        Assert.Empty(Ids(first).Intersect(Ids(last)));

        // A filter is kept in every link, and the bulk form comes back to the page it was on.
        var waiting = await PageAsync(client, $"/admin/registrations/{DemoScale.Slug}?status=Waitlisted&page=2");
        Assert.Contains($"href=\"/admin/registrations/{DemoScale.Slug}?status=Waitlisted\" rel=\"prev\"", waiting, StringComparison.Ordinal);
        Assert.Contains($"action=\"/admin/registrations/{DemoScale.Slug}?status=Waitlisted&amp;page=2&amp;handler=bulk\"", waiting, StringComparison.Ordinal);
        var waitingIds = Ids(waiting);
        Assert.NotEmpty(waitingIds);
        var statuses = await app.Factory.WithDbAsync(db => db.Registrations.Where(r => waitingIds.Contains(r.Id)).Select(r => r.Status).Distinct().ToListAsync(Cancel));
        Assert.Equal([RegistrationStatus.Waitlisted], statuses);

        using var approve = await client.PostAsync(
            new Uri($"/admin/registrations/{DemoScale.Slug}?status=Waitlisted&page=2&handler=bulk", UriKind.Relative),
            new FormUrlEncodedContent([new("__RequestVerificationToken", Forms.Token(waiting)), new("action", "approve")]),
            Cancel);
        Assert.Equal(HttpStatusCode.OK, approve.StatusCode);
        Assert.Contains("Tick at least one registration.", await approve.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);

        using var junk = await client.GetAsync(new Uri($"/admin/registrations/{DemoScale.Slug}?page=abc", UriKind.Relative), Cancel);
        Assert.Equal(HttpStatusCode.OK, junk.StatusCode);
        var junkPage = await junk.Content.ReadAsStringAsync(Cancel);
        Assert.Equal(Ids(first), Ids(junkPage));
        Assert.DoesNotContain("is not valid", junkPage, StringComparison.Ordinal);

        // The parameter's name in another case is the same parameter: the links move on from it.
        var shouting = await PageAsync(client, $"/admin/registrations/{DemoScale.Slug}?PAGE=3");
        Assert.Contains($"href=\"/admin/registrations/{DemoScale.Slug}?page=4\" rel=\"next\"", shouting, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_registration_export_streams_every_row_and_the_speaker_list_pages()
    {
        using var client = await OrganizerAsync();
        using var export = await client.GetAsync(new Uri($"/admin/registrations/{DemoScale.Slug}?handler=Csv", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead, Cancel);
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("text/csv", export.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"registrations-{DemoScale.Slug}.csv", export.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Null(export.Content.Headers.ContentLength); // written as it is read, not buffered first
        var bytes = await export.Content.ReadAsByteArrayAsync(Cancel);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("id,category,status,", lines[0], StringComparison.Ordinal);
        Assert.Equal(DemoScale.RegistrationsPerTenth * Tenths, lines.Length - 1);
        Assert.Contains(lines, l => l.Contains(",Waitlisted,", StringComparison.Ordinal) && l.Contains("@size-test.example", StringComparison.Ordinal));

        var speakers = await app.Factory.WithDbAsync(db => db.Speakers.CountAsync(Cancel));
        var first = await PageAsync(client, "/admin/speakers");
        Assert.Contains($"{speakers:N0} speakers, in directory order.", first, StringComparison.Ordinal);
        Assert.Contains($"Rows 1–100 of {speakers:N0}; page 1 of {(speakers + 99) / 100}.", first, StringComparison.Ordinal);
        var second = await PageAsync(client, "/admin/speakers?page=2");
        Assert.Empty(SpeakerIds(first).Intersect(SpeakerIds(second)));
        Assert.Equal(speakers, SpeakerIds(first).Count + SpeakerIds(second).Count);
        var searched = await PageAsync(client, "/admin/speakers?q=Wang");
        Assert.DoesNotContain("rel=\"next\"", searched, StringComparison.Ordinal);
        Assert.NotEmpty(SpeakerIds(searched));
    }

    private async Task<HttpClient> OrganizerAsync()
    {
        var organizer = await app.Factory.CreateUserAsync($"organizer-{Guid.NewGuid():N}@summit.test", Roles.Organizer);
        var client = app.Factory.Browser();
        await client.SignInAsync(organizer.Email!);
        return client;
    }

    private static async Task<string> PageAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {response.StatusCode}");
        return await response.Content.ReadAsStringAsync(Cancel);
    }

    private static int RowCount(string html) => Ids(html).Count;

    private static List<int> Ids(string html) => [.. RegistrationBox().Matches(html).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))];

    private static List<int> SpeakerIds(string html) => [.. SpeakerEdit().Matches(html).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))];

    [GeneratedRegex("name=\"ids\" value=\"([0-9]+)\"")]
    private static partial Regex RegistrationBox();

    [GeneratedRegex("href=\"/admin/speakers/edit/([0-9]+)\"")]
    private static partial Regex SpeakerEdit();

    /// <summary>The demo app with the size-test edition at <see cref="Tenths"/> tenths.</summary>
    public sealed class ScaleApp : SqliteDemoApp
    {
        protected override void Configure(SummitFactory app)
        {
            ArgumentNullException.ThrowIfNull(app);
            app.Settings["Demo:Scale"] = Tenths.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
