using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MimeKit;
using SmtpServer.Protocol;
using Summit.Core.Data;
using Summit.Core.Mail;
using Summit.Jobs.Mail;

namespace Summit.Jobs.Tests.Mail;

public sealed class SendMailJobTests : IAsyncLifetime
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("summit-mail-");
    private SqliteSummitDbContext db = null!;

    public async ValueTask InitializeAsync()
    {
        var options = new DbContextOptionsBuilder<SqliteSummitDbContext>();
        SummitDatabase.UseSqlite(options, $"Data Source={Path.Combine(folder.FullName, "summit.db")}", new DatabaseOptions());
        db = new SqliteSummitDbContext(options.Options);
        await db.Database.MigrateAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await db.DisposeAsync();
        SqliteConnection.ClearAllPools();
        folder.Delete(recursive: true);
    }

    private async Task<OutgoingMail> Queued(string to = "zeng.gang@nifd.example")
    {
        var mail = new OutgoingMail("test.kind", to, "曾刚", "zh-Hans", "欢迎 · Welcome", "<p>您好 Zeng Gang</p>", "您好 Zeng Gang", DateTimeOffset.UtcNow);
        db.OutgoingMails.Add(mail);
        await db.SaveChangesAsync();
        return mail;
    }

    private SendMailJob Job(IMailTransport transport, SmtpOptions smtp) =>
        new(db, transport, Options.Create(smtp), TimeProvider.System, NullLogger<SendMailJob>.Instance);

    private static SmtpOptions Smtp(int port) => new() { Host = "127.0.0.1", Port = port, Security = SmtpSecurity.None };

    [Fact]
    public async Task A_logged_mail_goes_out_over_SMTP_exactly_once_even_when_the_job_runs_twice()
    {
        await using var server = new InProcessSmtpServer();
        var mail = await Queued();
        var smtp = Smtp(server.Port);
        var job = Job(new SmtpMailTransport(Options.Create(smtp)), smtp);

        await job.RunAsync(mail.Id, TestContext.Current.CancellationToken);
        await job.RunAsync(mail.Id, TestContext.Current.CancellationToken);

        var received = Assert.Single(server.Received);
        Assert.Equal($"summit-mail-{mail.Id}@{smtp.MessageIdDomain}", received.MessageId);
        Assert.Equal("欢迎 · Welcome", received.Subject);
        Assert.Equal("zeng.gang@nifd.example", Assert.Single(received.To.Mailboxes).Address);
        Assert.Contains("您好 Zeng Gang", received.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("您好 Zeng Gang", received.TextBody, StringComparison.Ordinal);
        db.ChangeTracker.Clear();
        var stored = await db.OutgoingMails.SingleAsync(m => m.Id == mail.Id, TestContext.Current.CancellationToken);
        Assert.Equal((MailStatus.Sent, 1), (stored.Status, stored.Attempts));
        Assert.NotNull(stored.SentAt);
    }

    [Fact]
    public async Task A_permanent_refusal_marks_the_mail_failed_without_retrying()
    {
        await using var server = new InProcessSmtpServer(SmtpResponse.MailboxUnavailable);
        var mail = await Queued("nobody@nowhere.example");
        var smtp = Smtp(server.Port);

        await Job(new SmtpMailTransport(Options.Create(smtp)), smtp).RunAsync(mail.Id, TestContext.Current.CancellationToken);

        db.ChangeTracker.Clear();
        var stored = await db.OutgoingMails.SingleAsync(m => m.Id == mail.Id, TestContext.Current.CancellationToken);
        Assert.Equal(MailStatus.Failed, stored.Status);
        Assert.StartsWith("550", stored.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_server_is_a_transient_failure_that_Hangfire_retries()
    {
        var mail = await Queued();
        var smtp = Smtp(1);

        await Assert.ThrowsAnyAsync<Exception>(() => Job(new SmtpMailTransport(Options.Create(smtp)), smtp).RunAsync(mail.Id, TestContext.Current.CancellationToken));

        db.ChangeTracker.Clear();
        var stored = await db.OutgoingMails.SingleAsync(m => m.Id == mail.Id, TestContext.Current.CancellationToken);
        Assert.Equal((MailStatus.Queued, 1), (stored.Status, stored.Attempts));
        Assert.NotNull(stored.LastError);
    }

    [Fact]
    public async Task Without_an_SMTP_host_the_mail_becomes_an_eml_file_in_the_outbox()
    {
        var storage = new StorageOptions { Path = Path.Combine(folder.FullName, "storage") };
        var mail = await Queued();
        var smtp = new SmtpOptions();

        await Job(new OutboxFolderTransport(Options.Create(storage), TimeProvider.System), smtp).RunAsync(mail.Id, TestContext.Current.CancellationToken);

        var file = Assert.Single(Directory.GetFiles(Path.Combine(storage.FullPath, "outbox"), "*.eml"));
        var message = await MimeMessage.LoadAsync(file, TestContext.Current.CancellationToken);
        Assert.Equal("欢迎 · Welcome", message.Subject);
        Assert.Equal("test.kind", message.Headers["X-Summit-Kind"]);
        Assert.Empty(Directory.GetFiles(Path.Combine(storage.FullPath, "outbox"), "*.tmp"));
    }
}
