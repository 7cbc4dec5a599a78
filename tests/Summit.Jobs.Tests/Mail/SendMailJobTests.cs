using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MimeKit;
using SmtpServer.Protocol;
using Summit.Core.Data;
using Summit.Core.Mail;
using Summit.Jobs.Mail;
using Summit.Testing;

namespace Summit.Jobs.Tests.Mail;

public sealed class SendMailJobTests : IAsyncLifetime
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("summit-mail-");
    private SqliteSummitDbContext db = null!;

    public async ValueTask InitializeAsync()
    {
        TestDatabases.CopySqliteTemplate(folder.FullName);
        var options = new DbContextOptionsBuilder<SqliteSummitDbContext>();
        SummitDatabase.UseSqlite(options, $"Data Source={Path.Combine(folder.FullName, "summit.db")}", new DatabaseOptions());
        db = new SqliteSummitDbContext(options.Options);
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
        var job = Job(new SmtpMailTransport(Options.Create(smtp), TimeProvider.System), smtp);

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

        await Job(new SmtpMailTransport(Options.Create(smtp), TimeProvider.System), smtp).RunAsync(mail.Id, TestContext.Current.CancellationToken);

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

        await Assert.ThrowsAnyAsync<Exception>(() => Job(new SmtpMailTransport(Options.Create(smtp), TimeProvider.System), smtp).RunAsync(mail.Id, TestContext.Current.CancellationToken));

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

    [Fact]
    public async Task Two_workers_claiming_the_same_mail_at_once_send_it_once()
    {
        var mail = await Queued();
        var options = new DbContextOptionsBuilder<SqliteSummitDbContext>();
        SummitDatabase.UseSqlite(options, $"Data Source={Path.Combine(folder.FullName, "summit.db")}", new DatabaseOptions());
        await using var other = new SqliteSummitDbContext(options.Options);
        var now = DateTimeOffset.UtcNow;

        var mine = await db.OutgoingMails.SingleAsync(m => m.Id == mail.Id, TestContext.Current.CancellationToken);
        var theirs = await other.OutgoingMails.SingleAsync(m => m.Id == mail.Id, TestContext.Current.CancellationToken);
        Assert.True(mine.BeginAttempt(now, SendMailJob.Lease));
        Assert.True(theirs.BeginAttempt(now, SendMailJob.Lease));
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => other.SaveChangesAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_mail_whose_worker_died_mid_send_is_taken_over_once_the_lease_ends()
    {
        await using var server = new InProcessSmtpServer();
        var mail = await Queued();
        var smtp = Smtp(server.Port);
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        var stuck = await db.OutgoingMails.SingleAsync(m => m.Id == mail.Id, TestContext.Current.CancellationToken);
        Assert.True(stuck.BeginAttempt(clock.GetUtcNow(), SendMailJob.Lease));
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        var job = new SendMailJob(db, new SmtpMailTransport(Options.Create(smtp), TimeProvider.System), Options.Create(smtp), clock, NullLogger<SendMailJob>.Instance);

        await job.RunAsync(mail.Id, TestContext.Current.CancellationToken);
        Assert.Empty(server.Received);

        clock.Advance(SendMailJob.Lease + TimeSpan.FromSeconds(1));
        await job.RunAsync(mail.Id, TestContext.Current.CancellationToken);
        Assert.Single(server.Received);
        db.ChangeTracker.Clear();
        Assert.Equal((MailStatus.Sent, 2), await db.OutgoingMails.Where(m => m.Id == mail.Id).Select(m => ValueTuple.Create(m.Status, m.Attempts)).SingleAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_live_attempt_renews_its_claim_so_a_slow_server_keeps_its_sender_and_the_mail_goes_out_once()
    {
        var mail = await Queued();
        var smtp = Smtp(1);
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        var transport = new HeldTransport();
        var sending = new SendMailJob(db, transport, Options.Create(smtp), clock, NullLogger<SendMailJob>.Instance).RunAsync(mail.Id, TestContext.Current.CancellationToken);
        await transport.Started.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        await using var other = Other();
        var claimed = await LeaseOf(other, mail.Id);

        // Three renewals: the claim is now well past its first lease, and another worker's attempt stands down.
        for (var beat = 1; beat <= 3; beat++)
        {
            var before = await LeaseOf(other, mail.Id);
            clock.Advance(SendMailJob.Heartbeat);
            await WaitUntil(async () => await LeaseOf(other, mail.Id) > before);
        }

        Assert.True(await LeaseOf(other, mail.Id) >= claimed + 3 * SendMailJob.Heartbeat);
        Assert.True(clock.GetUtcNow() > claimed);
        var second = new SendMailJob(other, transport, Options.Create(smtp), clock, NullLogger<SendMailJob>.Instance);
        await second.RunAsync(mail.Id, TestContext.Current.CancellationToken);
        Assert.Equal(1, transport.Calls);

        transport.Release.SetResult();
        await sending;
        other.ChangeTracker.Clear();
        Assert.Equal((MailStatus.Sent, 1), await other.OutgoingMails.Where(m => m.Id == mail.Id).Select(m => ValueTuple.Create(m.Status, m.Attempts)).SingleAsync(TestContext.Current.CancellationToken));
        Assert.Equal(1, transport.Calls);
    }

    [Fact]
    public async Task Only_claims_that_ran_out_are_taken_over_by_the_frequent_sweep()
    {
        var dead = await Queued("dead@summit.test");
        var live = await Queued("live@summit.test");
        var waiting = await Queued("waiting@summit.test");
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        Assert.True(dead.BeginAttempt(clock.GetUtcNow() - SendMailJob.Lease - TimeSpan.FromSeconds(1), SendMailJob.Lease));
        Assert.True(live.BeginAttempt(clock.GetUtcNow(), SendMailJob.Lease));
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        var jobs = new RecordingJobClient();

        var count = await new RequeueUnsentMailJob(db, jobs, clock, NullLogger<RequeueUnsentMailJob>.Instance).ResumeClaimedAsync(TestContext.Current.CancellationToken);

        Assert.Equal(1, count);
        var enqueued = Assert.Single(jobs.Created);
        Assert.Equal(nameof(SendMailJob.RunAsync), enqueued.Method.Name);
        Assert.Equal(dead.Id, enqueued.Args[0]);
        Assert.NotEqual(waiting.Id, enqueued.Args[0]);
    }

    private SqliteSummitDbContext Other()
    {
        var options = new DbContextOptionsBuilder<SqliteSummitDbContext>();
        SummitDatabase.UseSqlite(options, $"Data Source={Path.Combine(folder.FullName, "summit.db")}", new DatabaseOptions());
        return new SqliteSummitDbContext(options.Options);
    }

    private static async Task<DateTimeOffset> LeaseOf(SummitDbContext context, long id) =>
        await context.OutgoingMails.AsNoTracking().Where(m => m.Id == id).Select(m => m.LeaseUntil).SingleAsync(TestContext.Current.CancellationToken) ?? DateTimeOffset.MinValue;

    private static async Task WaitUntil(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 200; i++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(25, TestContext.Current.CancellationToken);
        }

        Assert.Fail("The claim was not renewed within 5 s.");
    }

    /// <summary>An SMTP server that takes its time: the hand-over waits until the test releases it.</summary>
    private sealed class HeldTransport : IMailTransport
    {
        private int calls;

        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Calls => Volatile.Read(ref calls);

        public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref calls);
            Started.TrySetResult();
            await Release.Task.WaitAsync(cancellationToken);
        }
    }

    [Fact]
    public async Task A_failed_attempt_is_retried_until_the_last_Hangfire_run_then_marked_failed()
    {
        var mail = await Queued();
        var smtp = Smtp(1);
        var job = Job(new SmtpMailTransport(Options.Create(smtp), TimeProvider.System), smtp);
        for (var run = 1; run <= SendMailJob.MaxAttempts + 1; run++)
        {
            await Assert.ThrowsAnyAsync<Exception>(() => job.RunAsync(mail.Id, TestContext.Current.CancellationToken));
            db.ChangeTracker.Clear();
            var status = await db.OutgoingMails.Where(m => m.Id == mail.Id).Select(m => m.Status).SingleAsync(TestContext.Current.CancellationToken);
            Assert.Equal(run <= SendMailJob.MaxAttempts ? MailStatus.Queued : MailStatus.Failed, status);
        }
    }

    [Fact]
    public async Task Mail_whose_send_job_was_lost_is_enqueued_again_and_only_that()
    {
        var lost = await Queued("lost@summit.test");
        var fresh = await Queued("fresh@summit.test");
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(lost.CreatedAt + RequeueUnsentMailJob.Grace + TimeSpan.FromMinutes(1));
        db.Entry(fresh).Property(m => m.CreatedAt).CurrentValue = clock.GetUtcNow();
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        var jobs = new RecordingJobClient();

        var count = await new RequeueUnsentMailJob(db, jobs, clock, NullLogger<RequeueUnsentMailJob>.Instance).RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal(1, count);
        var enqueued = Assert.Single(jobs.Created);
        Assert.Equal(nameof(SendMailJob.RunAsync), enqueued.Method.Name);
        Assert.Equal(lost.Id, enqueued.Args[0]);
    }

    [Fact]
    public async Task A_busy_answer_is_retried_and_the_mail_delivered_once()
    {
        await using var server = new InProcessSmtpServer((SmtpResponse?)null, new SmtpResponse(SmtpReplyCode.InsufficientStorage, "try again later"));
        var mail = await Queued();
        var smtp = Smtp(server.Port);
        await using var transport = new SmtpMailTransport(Options.Create(smtp), TimeProvider.System);
        var job = Job(transport, smtp);

        await Assert.ThrowsAnyAsync<Exception>(() => job.RunAsync(mail.Id, TestContext.Current.CancellationToken));
        db.ChangeTracker.Clear();
        var waiting = await db.OutgoingMails.SingleAsync(m => m.Id == mail.Id, TestContext.Current.CancellationToken);
        Assert.Equal(MailStatus.Queued, waiting.Status);
        Assert.StartsWith("try again later", waiting.LastError, StringComparison.Ordinal);

        await job.RunAsync(mail.Id, TestContext.Current.CancellationToken);

        Assert.Single(server.Received);
        db.ChangeTracker.Clear();
        Assert.Equal((MailStatus.Sent, 2), await db.OutgoingMails.Where(m => m.Id == mail.Id).Select(m => ValueTuple.Create(m.Status, m.Attempts)).SingleAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_job_that_fails_after_the_server_accepted_the_mail_does_not_send_it_again_when_rerun()
    {
        await using var server = new InProcessSmtpServer();
        var mail = await Queued();
        var smtp = Smtp(server.Port);
        SendMailJob.RecordBackoff = TimeSpan.FromMilliseconds(1);
        var failing = new FailWhenMarkedSent(times: 100);
        var options = new DbContextOptionsBuilder<SqliteSummitDbContext>();
        SummitDatabase.UseSqlite(options, $"Data Source={Path.Combine(folder.FullName, "summit.db")}", new DatabaseOptions());
        options.AddInterceptors(failing);
        await using (var broken = new SqliteSummitDbContext(options.Options))
        {
            await using var transport = new SmtpMailTransport(Options.Create(smtp), TimeProvider.System);
            var job = new SendMailJob(broken, transport, Options.Create(smtp), TimeProvider.System, NullLogger<SendMailJob>.Instance);
            await Assert.ThrowsAnyAsync<Exception>(() => job.RunAsync(mail.Id, TestContext.Current.CancellationToken));
        }

        Assert.Single(server.Received);
        await Job(new OutboxFolderTransport(Options.Create(new StorageOptions { Path = folder.FullName }), TimeProvider.System), smtp).RunAsync(mail.Id, TestContext.Current.CancellationToken);
        await Job(new SmtpMailTransport(Options.Create(smtp), TimeProvider.System), smtp).RunAsync(mail.Id, TestContext.Current.CancellationToken);

        Assert.Single(server.Received);
        Assert.False(Directory.Exists(Path.Combine(folder.FullName, "outbox")));
    }

    [Fact]
    public async Task Recording_a_sent_mail_is_retried_in_the_job_rather_than_sending_again()
    {
        await using var server = new InProcessSmtpServer();
        var mail = await Queued();
        var smtp = Smtp(server.Port);
        var options = new DbContextOptionsBuilder<SqliteSummitDbContext>();
        SummitDatabase.UseSqlite(options, $"Data Source={Path.Combine(folder.FullName, "summit.db")}", new DatabaseOptions());
        SendMailJob.RecordBackoff = TimeSpan.FromMilliseconds(1);
        options.AddInterceptors(new FailWhenMarkedSent(times: 2));
        await using var flaky = new SqliteSummitDbContext(options.Options);
        await using var transport = new SmtpMailTransport(Options.Create(smtp), TimeProvider.System);

        await new SendMailJob(flaky, transport, Options.Create(smtp), TimeProvider.System, NullLogger<SendMailJob>.Instance).RunAsync(mail.Id, TestContext.Current.CancellationToken);

        Assert.Single(server.Received);
        db.ChangeTracker.Clear();
        Assert.Equal(MailStatus.Sent, await db.OutgoingMails.Where(m => m.Id == mail.Id).Select(m => m.Status).SingleAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_burst_of_mail_shares_one_connection_and_each_message_keeps_its_attachment()
    {
        await using var server = new InProcessSmtpServer();
        var smtp = Smtp(server.Port);
        await using var transport = new SmtpMailTransport(Options.Create(smtp), TimeProvider.System);
        var job = Job(transport, smtp);
        for (var i = 0; i < 20; i++)
        {
            var mail = new OutgoingMail("test.burst", $"guest{i}@summit.test", null, "en", $"Badge {i}", "<p>Badge</p>", "Badge", DateTimeOffset.UtcNow);
            mail.Attach($"badge-{i}.pdf", "application/pdf", [0x25, 0x50, 0x44, 0x46, (byte)i]);
            db.OutgoingMails.Add(mail);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            await job.RunAsync(mail.Id, TestContext.Current.CancellationToken);
        }

        Assert.Equal(20, server.Received.Count);
        Assert.Equal(1, server.Sessions);
        var attachment = Assert.IsType<MimePart>(Assert.Single(server.Received.First(m => m.Subject == "Badge 7").Attachments));
        Assert.Equal("badge-7.pdf", attachment.FileName);
        using var bytes = new MemoryStream();
        await attachment.Content!.DecodeToAsync(bytes, TestContext.Current.CancellationToken);
        Assert.Equal(new byte[] { 0x25, 0x50, 0x44, 0x46, 7 }, bytes.ToArray());
    }

    [Fact]
    public async Task Without_reuse_each_message_opens_its_own_connection()
    {
        await using var server = new InProcessSmtpServer();
        var smtp = Smtp(server.Port);
        smtp.ReuseConnections = false;
        await using var transport = new SmtpMailTransport(Options.Create(smtp), TimeProvider.System);
        for (var i = 0; i < 3; i++)
        {
            await Job(transport, smtp).RunAsync((await Queued($"one{i}@summit.test")).Id, TestContext.Current.CancellationToken);
        }

        Assert.Equal(3, server.Received.Count);
        Assert.Equal(3, server.Sessions);
    }

    [Fact]
    public async Task The_same_change_queued_twice_is_one_logged_mail_whose_job_is_enqueued_again_only_until_it_is_attempted()
    {
        var jobs = new RecordingJobClient();
        var outbox = new MailOutbox(db, jobs, TimeProvider.System, NullLogger<MailOutbox>.Instance);
        var draft = new MailDraft("registration.confirmed", "Tan@Summit.test", "Tan", "en", "Confirmed", "<p>Yes</p>", "Yes").About("registration:7", "Confirmed@1");

        var first = await outbox.QueueAsync(draft, TestContext.Current.CancellationToken);
        var again = await outbox.QueueAsync(draft with { ToAddress = "tan@summit.test" }, TestContext.Current.CancellationToken);
        var next = await outbox.QueueAsync(draft.About("registration:7", "Confirmed@2"), TestContext.Current.CancellationToken);
        var reset1 = await outbox.QueueAsync(draft.About("user:1", null), TestContext.Current.CancellationToken);
        var reset2 = await outbox.QueueAsync(draft.About("user:1", null), TestContext.Current.CancellationToken);

        Assert.Equal(first, again);
        Assert.NotEqual(first, next);
        Assert.NotEqual(reset1, reset2);
        Assert.Equal(4, await db.OutgoingMails.CountAsync(TestContext.Current.CancellationToken));
        // Asked again while never attempted: the first asker may have died between its save and its enqueue.
        Assert.Equal([first, first, next, reset1, reset2], jobs.Created.Select(j => (long)j.Args[0]!));

        var sent = await db.OutgoingMails.SingleAsync(m => m.Id == first, TestContext.Current.CancellationToken);
        Assert.True(sent.BeginAttempt(DateTimeOffset.UtcNow, SendMailJob.Lease));
        sent.MarkSent(DateTimeOffset.UtcNow);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        Assert.Equal(first, await outbox.QueueAsync(draft, TestContext.Current.CancellationToken));
        Assert.Equal(5, jobs.Created.Count);
    }

    [Fact]
    public async Task A_pinned_self_signed_certificate_is_trusted_for_STARTTLS_and_any_other_is_refused()
    {
        using var key = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        using var generated = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=relay.internal", key, System.Security.Cryptography.HashAlgorithmName.SHA256)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        using var certificate = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12(generated.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pfx), null);
        await using var server = new InProcessSmtpServer(certificate);
        var refused = await Queued("refused@summit.test");
        var trusted = await Queued("trusted@summit.test");
        var unpinned = Smtp(server.Port);
        unpinned.Security = SmtpSecurity.StartTls;
        var pinned = Smtp(server.Port);
        pinned.Security = SmtpSecurity.StartTls;
        pinned.CertificateSha256 = certificate.GetCertHashString(System.Security.Cryptography.HashAlgorithmName.SHA256);

        await Assert.ThrowsAnyAsync<Exception>(() => Job(new SmtpMailTransport(Options.Create(unpinned), TimeProvider.System), unpinned).RunAsync(refused.Id, TestContext.Current.CancellationToken));
        await Job(new SmtpMailTransport(Options.Create(pinned), TimeProvider.System), pinned).RunAsync(trusted.Id, TestContext.Current.CancellationToken);

        Assert.Equal("trusted@summit.test", Assert.Single(Assert.Single(server.Received).To.Mailboxes).Address);
    }

    /// <summary>Makes saving a row as sent fail, as a database that went away right after the SMTP server said yes.</summary>
    private sealed class FailWhenMarkedSent(int times) : Microsoft.EntityFrameworkCore.Diagnostics.SaveChangesInterceptor
    {
        private int left = times;

        public override ValueTask<Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<int>> SavingChangesAsync(
            Microsoft.EntityFrameworkCore.Diagnostics.DbContextEventData eventData, Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            var sent = eventData.Context!.ChangeTracker.Entries<OutgoingMail>().Any(e => e.State == EntityState.Modified && e.Entity.Status == MailStatus.Sent);
            if (sent && left-- > 0)
            {
                throw new InvalidOperationException("The database went away.");
            }

            return base.SavingChangesAsync(eventData, result, cancellationToken);
        }
    }

    private sealed class RecordingJobClient : Hangfire.IBackgroundJobClient
    {
        public List<Hangfire.Common.Job> Created { get; } = [];

        public string Create(Hangfire.Common.Job job, Hangfire.States.IState state)
        {
            Created.Add(job);
            return Created.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        public bool ChangeState(string jobId, Hangfire.States.IState state, string expectedState) => true;
    }
}
