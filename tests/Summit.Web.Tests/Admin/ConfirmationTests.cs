using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Summit.Core.Accounts;
using Summit.Core.Registrations;
using Summit.Core.Scheduling;
using Summit.Testing;

namespace Summit.Web.Tests.Admin;

/// <summary>
/// What destroys or cannot be undone is posted twice: the first post (as a form without the confirmation would send)
/// shows exactly what will happen and to whom and changes nothing; only the confirmed post acts.
/// </summary>
public sealed class ConfirmationTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private SummitFactory App => app.Factory;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<HttpClient> OrganizerAsync()
    {
        var organizer = await App.CreateUserAsync($"confirm-{Guid.NewGuid():N}@summit.test", Roles.Organizer);
        var client = App.Browser();
        await client.SignInAsync(organizer.Email!);
        return client;
    }

    private Task<int> RegisterAsync(int category, string family, string given) =>
        App.ScopedAsync(async s => (await s.GetRequiredService<RegisterAttendee>().RunAsync(category, TestData.Person($"{given}.{family}.{Guid.NewGuid():N}@summit.test", family, given), null, cancellationToken: Cancel)).RegistrationId!.Value);

    private Task<RegistrationStatus> StatusAsync(int id) =>
        App.WithDbAsync(db => db.Registrations.Where(r => r.Id == id).Select(r => r.Status).FirstAsync(Cancel));

    [Fact]
    public async Task Cancelling_a_registration_names_who_moves_up_from_the_waiting_list_and_changes_nothing_until_confirmed()
    {
        var category = await App.BuildAsync(async d => await d.CategoryAsync(await d.EditionIdAsync("2021"), capacity: 1));
        var seated = await RegisterAsync(category, "Chen", "Jing");
        var waiting = await RegisterAsync(category, "Zhao", "Lei");
        using var client = await OrganizerAsync();
        var page = $"/admin/registrations/2021/{seated}";

        using (var asked = await client.PostAsync(page, new Dictionary<string, string> { ["action"] = "cancel", ["message"] = "Sorry" }, $"{page}?handler=status"))
        {
            Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
            var html = WebUtility.HtmlDecode(await asked.Content.ReadAsStringAsync(Cancel));
            Assert.Contains("Jing Chen will be cancelled and told by email.", html, StringComparison.Ordinal);
            Assert.Contains("This frees 1 seat(s): Lei Zhao, first on the waiting list, will be confirmed and emailed.", html, StringComparison.Ordinal);
            Assert.Contains("name=\"message\" value=\"Sorry\"", html, StringComparison.Ordinal);
        }

        Assert.Equal((RegistrationStatus.Confirmed, RegistrationStatus.Waitlisted), (await StatusAsync(seated), await StatusAsync(waiting)));

        using (var done = await client.PostAsync(page, new Dictionary<string, string> { ["action"] = "cancel", ["message"] = "Sorry", ["confirmed"] = "yes" }, $"{page}?handler=status"))
        {
            Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        }

        Assert.Equal((RegistrationStatus.Cancelled, RegistrationStatus.Confirmed), (await StatusAsync(seated), await StatusAsync(waiting)));
    }

    [Fact]
    public async Task Declining_in_bulk_asks_first_and_declines_nobody_until_confirmed()
    {
        var category = await App.BuildAsync(async d => await d.CategoryAsync(await d.EditionIdAsync("2021"), approval: true));
        var first = await RegisterAsync(category, "Tan", "Wei");
        var second = await RegisterAsync(category, "Lim", "Hui");
        using var client = await OrganizerAsync();
        var fields = new Dictionary<string, string> { ["action"] = "decline", ["ids"] = first.ToString(CultureInfo.InvariantCulture) };
        using (var asked = await client.PostAsync("/admin/registrations/2021", fields, "/admin/registrations/2021?handler=bulk"))
        {
            Assert.Contains("Wei Tan will be declined and told by email.", WebUtility.HtmlDecode(await asked.Content.ReadAsStringAsync(Cancel)), StringComparison.Ordinal);
        }

        Assert.Equal(RegistrationStatus.PendingApproval, await StatusAsync(first));
        using (var done = await client.PostAsync("/admin/registrations/2021", new Dictionary<string, string>(fields) { ["confirmed"] = "yes" }, "/admin/registrations/2021?handler=bulk"))
        {
            Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        }

        Assert.Equal((RegistrationStatus.Declined, RegistrationStatus.PendingApproval), (await StatusAsync(first), await StatusAsync(second)));
    }

    [Fact]
    public async Task Declining_one_registration_asks_first_and_declines_only_when_confirmed()
    {
        var category = await App.BuildAsync(async d => await d.CategoryAsync(await d.EditionIdAsync("2021"), approval: true));
        var pending = await RegisterAsync(category, "Ng", "Mei");
        using var client = await OrganizerAsync();
        var page = $"/admin/registrations/2021/{pending}";
        using (var asked = await client.PostAsync(page, new Dictionary<string, string> { ["action"] = "decline" }, $"{page}?handler=status"))
        {
            Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
            Assert.Contains("Mei Ng will be declined and told by email.", WebUtility.HtmlDecode(await asked.Content.ReadAsStringAsync(Cancel)), StringComparison.Ordinal);
        }

        Assert.Equal(RegistrationStatus.PendingApproval, await StatusAsync(pending));
        using (var done = await client.PostAsync(page, new Dictionary<string, string> { ["action"] = "decline", ["confirmed"] = "yes" }, $"{page}?handler=status"))
        {
            Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        }

        Assert.Equal(RegistrationStatus.Declined, await StatusAsync(pending));
    }

    [Fact]
    public async Task Stopping_an_email_asks_first_and_stops_it_only_when_confirmed()
    {
        var id = await App.WithDbAsync(async db =>
        {
            var mail = new Summit.Core.Mail.OutgoingMail("test.kind", $"stop-{Guid.NewGuid():N}@summit.test", "Lim Hui", "en", "Your badge", "<p>Badge</p>", "Badge", DateTimeOffset.UtcNow);
            db.OutgoingMails.Add(mail);
            await db.SaveChangesAsync(Cancel);
            return mail.Id;
        });
        using var client = await OrganizerAsync();
        var page = $"/admin/mail/{id}";
        using (var asked = await client.PostAsync(page, new Dictionary<string, string>(), $"{page}?handler=cancel"))
        {
            Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
            Assert.Contains("“Your badge” to stop-", WebUtility.HtmlDecode(await asked.Content.ReadAsStringAsync(Cancel)), StringComparison.Ordinal);
        }

        Assert.Equal(Summit.Core.Mail.MailStatus.Queued, await App.WithDbAsync(db => db.OutgoingMails.Where(m => m.Id == id).Select(m => m.Status).FirstAsync(Cancel)));
        using (var done = await client.PostAsync(page, new Dictionary<string, string> { ["confirmed"] = "yes" }, $"{page}?handler=cancel"))
        {
            Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        }

        Assert.Equal(Summit.Core.Mail.MailStatus.Cancelled, await App.WithDbAsync(db => db.OutgoingMails.Where(m => m.Id == id).Select(m => m.Status).FirstAsync(Cancel)));
    }

    [Fact]
    public async Task Deleting_a_session_asks_first_and_keeps_it_until_confirmed()
    {
        var session = await App.ScopedAsync(async s =>
        {
            var data = new TestData(s);
            var edition = await data.EditionIdAsync("2021");
            var type = await data.SessionTypeAsync(edition);
            return (await s.GetRequiredService<SaveSession>().RunAsync(edition, null, new SessionDetails("Draft roundtable", "草稿圆桌", null, null, type, null, SessionLanguage.English, false, null, []), Cancel)).SessionId!.Value;
        });
        using var client = await OrganizerAsync();
        var page = $"/admin/programme/2021/sessions/edit/{session}";
        using (var asked = await client.PostAsync(page, new Dictionary<string, string>(), $"{page}?handler=delete"))
        {
            Assert.Contains("“Draft roundtable” will be deleted for good", WebUtility.HtmlDecode(await asked.Content.ReadAsStringAsync(Cancel)), StringComparison.Ordinal);
        }

        Assert.True(await App.WithDbAsync(db => db.Sessions.AnyAsync(s => s.Id == session, Cancel)));
        using (var done = await client.PostAsync(page, new Dictionary<string, string> { ["confirmed"] = "yes" }, $"{page}?handler=delete"))
        {
            Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        }

        Assert.False(await App.WithDbAsync(db => db.Sessions.AnyAsync(s => s.Id == session, Cancel)));
    }
}
