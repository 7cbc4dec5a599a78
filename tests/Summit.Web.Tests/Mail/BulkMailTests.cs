using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Summit.Core.Mail;
using Summit.Core.Registrations;
using Summit.Jobs.Mail;
using Summit.Testing;

namespace Summit.Web.Tests.Mail;

/// <summary>An organizer writes to a segment over HTTP: preview, test, send, progress; bad texts refused on the form.</summary>
public abstract class BulkMailTests<TApp>(TApp app) where TApp : SummitApp
{
    protected SummitFactory App => app.Factory;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static Dictionary<string, string> Form(int category, string bodyEn = "Dear {{ name }}, the shuttle to {{ edition }} leaves at 8:00.\n\nYour page: {{ link }}") => new()
    {
        ["Input.CategoryId"] = category.ToString(CultureInfo.InvariantCulture),
        ["Input.Status"] = nameof(RegistrationStatus.Confirmed),
        ["Input.SubjectEn"] = "Shuttle for {{ category }} guests",
        ["Input.SubjectZh"] = "{{ category }}来宾接驳车",
        ["Input.BodyEn"] = bodyEn,
        ["Input.BodyZh"] = "{{ name }}，您好：前往{{ edition }}的接驳车 8:00 出发。",
        ["Input.RequestKey"] = RequestKey,
    };

    private static readonly string RequestKey = Guid.NewGuid().ToString("N");

    [Fact]
    public async Task An_organizer_previews_tests_and_sends_to_a_segment_and_each_person_gets_it_once_in_their_language()
    {
        var (category, people) = await App.ScopedAsync(async s =>
        {
            var editionId = await new TestData(s).EditionIdAsync("2021");
            var saved = await s.GetRequiredService<SaveCategory>().RunAsync(editionId, null, new CategoryDetails($"Shuttle {Guid.NewGuid():N}"[..20], "接驳", null, null, CategoryKind.General, null, false, false, null, null, 95), Cancel);
            var emails = new List<string>();
            foreach (var (i, culture) in new[] { (0, "en"), (1, "zh-Hans"), (2, "en") })
            {
                var email = $"shuttle-{saved.CategoryId}-{i}@summit.test";
                var outcome = await s.GetRequiredService<RegisterAttendee>().RunAsync(saved.CategoryId!.Value, new RegistrationDetails(
                    "林", "伟", "Lim", $"Wei {i}", false, null, null, email, null, "SG", culture, null, null, false, true, "2026-11"), null, cancellationToken: Cancel);
                emails.Add(email);
                if (i == 2)
                {
                    await s.GetRequiredService<ChangeRegistration>().CancelAsync(outcome.RegistrationId!.Value, cancellationToken: Cancel);
                }
            }

            return (saved.CategoryId!.Value, emails);
        });
        var organizer = await App.CreateUserAsync($"organizer-{Guid.NewGuid():N}@summit.test", Core.Accounts.Roles.Organizer);
        using var client = App.Browser();
        await client.SignInAsync(organizer.Email!);
        const string page = "/admin/mail/bulk/new/2021";

        using (var refused = await client.PostAsync(page, Form(category, "Dear {{ nmae }}"), page + "?handler=preview"))
        {
            var html = await refused.Content.ReadAsStringAsync(Cancel);
            Assert.Contains("Unknown placeholder “nmae”", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        }

        using (var preview = await client.PostAsync(page, Form(category), page + "?handler=preview"))
        {
            var html = WebUtility.HtmlDecode(await preview.Content.ReadAsStringAsync(Cancel));
            Assert.Contains("2 people are in this segment now.", html, StringComparison.Ordinal);
            Assert.Contains("Dear Wei 0 Lim, the shuttle to", html, StringComparison.Ordinal);
            Assert.Contains("林伟，您好：前往", html, StringComparison.Ordinal);
            Assert.Contains("Send to 2 people", html, StringComparison.Ordinal);
        }

        using (var test = await client.PostAsync(page, Form(category), page + "?handler=test"))
        {
            Assert.Equal(HttpStatusCode.Redirect, test.StatusCode);
        }

        var testMail = await App.WaitForMailAsync(organizer.Email!, BulkMails.Kind);
        Assert.StartsWith("[TEST] ", testMail.Subject, StringComparison.Ordinal);

        using var sent = await client.PostAsync(page, Form(category), page + "?handler=send");

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var progress = sent.Headers.Location!.OriginalString;
        Assert.StartsWith("/admin/mail/bulk/", progress, StringComparison.Ordinal);
        using (var twice = await client.PostAsync(page, Form(category), page + "?handler=send"))
        {
            // The same form sent again (a double click, a retried post) is the same bulk email, not a second one.
            Assert.Equal(progress, twice.Headers.Location?.OriginalString);
        }

        var english = await App.WaitForMailAsync(people[0], BulkMails.Kind);
        var chinese = await App.WaitForMailAsync(people[1], BulkMails.Kind);
        Assert.StartsWith("Shuttle for Shuttle", english.Subject, StringComparison.Ordinal);
        Assert.Contains("Dear Wei 0 Lim, the shuttle to ", english.TextBody, StringComparison.Ordinal);
        Assert.Contains("/registration/", english.TextBody, StringComparison.Ordinal);
        Assert.EndsWith("来宾接驳车", chinese.Subject, StringComparison.Ordinal);
        Assert.Contains("林伟，您好：前往", chinese.TextBody, StringComparison.Ordinal);

        var bulkId = int.Parse(progress.Split('/')[^1], CultureInfo.InvariantCulture);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        string status;
        do
        {
            status = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri(progress, UriKind.Relative), Cancel));
            if (status.Contains("Done: 2 of 2 handled.", StringComparison.Ordinal))
            {
                break;
            }

            await Task.Delay(300, Cancel);
        }
        while (DateTime.UtcNow < deadline);
        Assert.Contains("Done: 2 of 2 handled.", status, StringComparison.Ordinal);
        Assert.DoesNotContain("http-equiv=\"refresh\"", status, StringComparison.Ordinal);

        // The job again, as after a crash: nobody gets a second copy.
        await App.ScopedAsync(async s =>
        {
            await s.GetRequiredService<QueueBulkMailJob>().RunAsync(bulkId, Cancel);
            return true;
        });
        var logged = await App.WithDbAsync(db => db.OutgoingMails.AsNoTracking().Where(m => m.Entity == $"bulk:{bulkId}").Select(m => m.ToAddress).ToListAsync(Cancel));
        Assert.Equal(people.Take(2), logged.Order(StringComparer.Ordinal));
        Assert.Equal(2, await App.WithDbAsync(db => db.BulkMails.Where(b => b.Id == bulkId).Select(b => b.Recipients).FirstAsync(Cancel)));
        Assert.False(await App.WithDbAsync(db => db.OutgoingMails.AnyAsync(m => m.ToAddress == people[2] && m.Kind == BulkMails.Kind, Cancel)));
        Assert.Equal(2, await App.WithDbAsync(db => db.OutgoingMails.CountAsync(m => m.Entity == $"bulk:{bulkId}" && m.Status == MailStatus.Sent, Cancel)));
    }

    [Fact]
    public async Task An_edition_rewords_an_email_and_the_next_one_of_that_kind_uses_it_in_that_language_only()
    {
        await App.BuildAsync(d => d.EditionIdAsync("2021"));
        var organizer = await App.CreateUserAsync($"organizer-{Guid.NewGuid():N}@summit.test", Core.Accounts.Roles.Organizer);
        using var client = App.Browser();
        await client.SignInAsync(organizer.Email!);
        const string page = "/admin/mail/templates/2021/registration.waitlisted/en";

        using (var refused = await client.PostAsync(page, new Dictionary<string, string> { ["Subject"] = "Waiting {{ nmae", ["Body"] = "" }, page + "?handler=save"))
        {
            Assert.Contains("The text has a placeholder that is not closed or not valid", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync(Cancel)), StringComparison.Ordinal);
        }

        var wording = new Dictionary<string, string>
        {
            ["Subject"] = "{{ name }}, you are number {{ position }} for {{ category }}",
            ["Body"] = "We will write the moment a seat frees up.\n\nYour page: {{ link }}",
        };
        using (var preview = await client.PostAsync(page, wording, page + "?handler=preview"))
        {
            Assert.Contains("Tan Mei Ling, you are number 3 for Delegate", WebUtility.HtmlDecode(await preview.Content.ReadAsStringAsync(Cancel)), StringComparison.Ordinal);
        }

        using (var saved = await client.PostAsync(page, wording, page + "?handler=save"))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var category = await App.ScopedAsync(async s =>
        {
            var editionId = await new TestData(s).EditionIdAsync("2021");
            return (await s.GetRequiredService<SaveCategory>().RunAsync(editionId, null, new CategoryDetails($"Tiny {Guid.NewGuid():N}"[..20], "小类", null, null, CategoryKind.General, 1, false, false, null, null, 96), Cancel)).CategoryId!.Value;
        });
        var english = $"worded-en-{category}@summit.test";
        var chinese = $"worded-zh-{category}@summit.test";
        foreach (var (email, culture) in new[] { ($"filler-{category}@summit.test", "en"), (english, "en"), (chinese, "zh-Hans") })
        {
            await App.ScopedAsync(s => s.GetRequiredService<RegisterAttendee>().RunAsync(category, new RegistrationDetails(
                null, null, "Koh", "Ann", false, null, null, email, null, "SG", culture, null, null, false, true, "2026-11"), null, cancellationToken: Cancel));
        }

        var reworded = await App.WaitForMailAsync(english, "registration.waitlisted");
        Assert.StartsWith("Ann Koh, you are number 1 for Tiny", reworded.Subject, StringComparison.Ordinal);
        Assert.Contains("We will write the moment a seat frees up.", reworded.TextBody, StringComparison.Ordinal);
        var builtIn = await App.WaitForMailAsync(chinese, "registration.waitlisted");
        Assert.StartsWith("已进入候补名单", builtIn.Subject, StringComparison.Ordinal);

        using var reset = await client.PostAsync(page, new Dictionary<string, string> { ["Subject"] = "", ["Body"] = "" }, page + "?handler=save");
        Assert.False(await App.WithDbAsync(db => db.MailTemplateOverrides.AnyAsync(o => o.Kind == "registration.waitlisted", Cancel)));
    }
}

public sealed class BulkMailTestsOnSqlite(SqliteApp app) : BulkMailTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class BulkMailTestsOnPostgres(PostgresApp app) : BulkMailTests<PostgresApp>(app), IClassFixture<PostgresApp>;
