using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Summit.Core.Mail;
using Summit.Core.Registrations;
using Summit.Testing;

namespace Summit.Web.Tests.Mail;

/// <summary>The organizers' mail log over HTTP, on each database engine, and what never reaches it.</summary>
public abstract class MailLogTests<TApp>(TApp app) where TApp : SummitApp
{
    protected SummitFactory App => app.Factory;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<HttpClient> OrganizerAsync()
    {
        var organizer = await App.CreateUserAsync($"organizer-{Guid.NewGuid():N}@summit.test", Core.Accounts.Roles.Organizer);
        var client = App.Browser();
        await client.SignInAsync(organizer.Email!);
        return client;
    }

    [Fact]
    public async Task An_organizer_finds_a_failed_email_reads_it_and_sends_it_again()
    {
        var to = $"bounced-{Guid.NewGuid():N}@summit.test";
        var id = await App.WithDbAsync(async db =>
        {
            var mail = new OutgoingMail("test.bounce", to, "Tan Mei Ling", "en", "Your badge · CCI-FS", "<p>Dear Tan <script>alert(1)</script></p>", "Dear Tan", DateTimeOffset.UtcNow, "registration:1", "test");
            mail.BeginAttempt(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5));
            mail.MarkFailed("550 mailbox unavailable", willRetry: false, DateTimeOffset.UtcNow);
            db.OutgoingMails.Add(mail);
            await db.SaveChangesAsync(Cancel);
            return mail.Id;
        });
        using var client = await OrganizerAsync();

        var list = await client.GetStringAsync(new Uri($"/admin/mail?status=Failed&q={Uri.EscapeDataString(to)}", UriKind.Relative), Cancel);
        Assert.Contains($"/admin/mail/{id}", list, StringComparison.Ordinal);
        Assert.Contains("550 mailbox unavailable", list, StringComparison.Ordinal);
        var page = await client.GetStringAsync(new Uri($"/admin/mail/{id}", UriKind.Relative), Cancel);
        Assert.Contains("Dear Tan", page, StringComparison.Ordinal);
        Assert.Contains("Send again", page, StringComparison.Ordinal);
        using var html = await client.GetAsync(new Uri($"/admin/mail/{id}?handler=html", UriKind.Relative), Cancel);
        Assert.Equal(HttpStatusCode.OK, html.StatusCode);
        Assert.Contains("sandbox", html.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.DoesNotContain("script-src", html.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);

        using var resent = await client.PostAsync($"/admin/mail/{id}", new Dictionary<string, string>(), $"/admin/mail/{id}?handler=resend");

        Assert.Equal(HttpStatusCode.Redirect, resent.StatusCode);
        var delivered = await App.WaitForMailAsync(to, "test.bounce");
        Assert.EndsWith($"summit-mail-{id}@summit.cci-fs.example", delivered.MessageId, StringComparison.Ordinal);
        Assert.Equal(MailStatus.Sent, await WaitForStatusAsync(id, MailStatus.Sent));
        using var again = await client.PostAsync($"/admin/mail/{id}", new Dictionary<string, string>(), $"/admin/mail/{id}?handler=resend");
        Assert.Equal(MailStatus.Sent, await App.WithDbAsync(db => db.OutgoingMails.Where(m => m.Id == id).Select(m => m.Status).FirstAsync(Cancel)));
    }

    [Fact]
    public async Task A_registration_that_rolls_back_logs_no_email()
    {
        var (category, code) = await App.ScopedAsync(async s =>
        {
            var editionId = await new TestData(s).EditionIdAsync("2021");
            var save = s.GetRequiredService<SaveCategory>();
            var saved = await save.RunAsync(editionId, null, new CategoryDetails($"Invited {Guid.NewGuid():N}"[..20], "受邀", null, null, CategoryKind.General, null, false, true, null, null, 90), Cancel);
            var issued = await save.IssueCodeAsync(editionId, saved.CategoryId!.Value, null, 1, false, null, Cancel);
            return (saved.CategoryId!.Value, issued.Code!);
        });
        var first = $"first-{category}@summit.test";
        var second = $"second-{category}@summit.test";
        Assert.Equal(RegistrationResult.Confirmed, (await Register(category, first, code)).Result);

        // The code's last use is taken inside the transaction, so this one begins, finds it used up and rolls back.
        var refused = await Register(category, second, code);

        Assert.Equal(RegistrationResult.Refused, refused.Result);
        var confirmed = await App.WaitForMailAsync(first, "registration.confirmed");
        var calendar = Assert.IsAssignableFrom<MimeKit.MimePart>(Assert.Single(confirmed.Attachments));
        using (var bytes = new MemoryStream())
        {
            await calendar.Content!.DecodeToAsync(bytes, Cancel);
            var ics = System.Text.Encoding.UTF8.GetString(bytes.ToArray());
            Assert.Contains("DTSTART;VALUE=DATE:20211105", ics, StringComparison.Ordinal);
            // The file says what its MIME type says (RFC 6047): published information, not an invitation.
            Assert.Equal("PUBLISH", calendar.ContentType.Parameters["method"]);
            Assert.Equal("PUBLISH", Ical.Net.Calendar.Load(ics)!.Method);
            Assert.Contains("DTEND;VALUE=DATE:20211107", ics, StringComparison.Ordinal);
        }

        Assert.False(await App.WithDbAsync(db => db.OutgoingMails.AnyAsync(m => m.ToAddress == second, Cancel)));
        Assert.False(await App.WithDbAsync(db => db.Registrations.AnyAsync(r => r.NormalizedEmail == second, Cancel)));
    }

    private Task<RegistrationOutcome> Register(int category, string email, string code) => App.ScopedAsync(s => s.GetRequiredService<RegisterAttendee>().RunAsync(category, new RegistrationDetails(
        null, null, "Guest", "Invited", false, null, null, email, null, "SG", "en", null, null, false, true, "2026-11"), code, cancellationToken: Cancel));

    private async Task<MailStatus> WaitForStatusAsync(long id, MailStatus wanted)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        MailStatus status;
        do
        {
            status = await App.WithDbAsync(db => db.OutgoingMails.Where(m => m.Id == id).Select(m => m.Status).FirstAsync(Cancel));
            if (status == wanted)
            {
                break;
            }

            await Task.Delay(200, Cancel);
        }
        while (DateTime.UtcNow < deadline);
        return status;
    }
}

public sealed class MailLogTestsOnSqlite(SqliteApp app) : MailLogTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class MailLogTestsOnPostgres(PostgresApp app) : MailLogTests<PostgresApp>(app), IClassFixture<PostgresApp>;
