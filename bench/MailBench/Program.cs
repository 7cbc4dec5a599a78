using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Summit.Core.Data;
using Summit.Core.Mail;
using Summit.Jobs.Mail;

// The mail benchmark, against an SMTP server on 127.0.0.1: N messages from W workers, with connections reused across
// messages and with one connection per message; over plain SMTP and STARTTLS (the usual submission setup); through the
// transport alone, and through the real send job with its SQLite mail log (claim the row, SMTP, record it as sent).
// Usage: MailBench [messages] [workers]
//        MailBench sink PORT DELAY_MS: only the sink, on 127.0.0.1:PORT, taking DELAY_MS over each message, until stopped
//        (bench/worker-crash.sh uses it as a slow relay).
if (args.Length == 3 && args[0] == "sink")
{
    await using var relay = new MailBench.SmtpSink(null, int.Parse(args[1], CultureInfo.InvariantCulture), TimeSpan.FromMilliseconds(int.Parse(args[2], CultureInfo.InvariantCulture)));
    Console.WriteLine($"SMTP sink on 127.0.0.1:{relay.Port}, {args[2]} ms a message");
    var stopped = new TaskCompletionSource();
    using var registration = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, context =>
    {
        context.Cancel = true;
        stopped.TrySetResult();
    });
    await stopped.Task;
    Console.WriteLine($"received {relay.Received} in {relay.Sessions} sessions");
    return;
}

var messages = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 2000;
var workers = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 4;

// A self-signed certificate for STARTTLS, pinned by the client as a deployment would pin an internal relay's.
using var key = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
var request = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=localhost", key, System.Security.Cryptography.HashAlgorithmName.SHA256);
using var generated = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
using var certificate = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12(generated.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pfx), null);
var pin = certificate.GetCertHashString(System.Security.Cryptography.HashAlgorithmName.SHA256);

await using var plainSink = new MailBench.SmtpSink(null);
await using var tlsSink = new MailBench.SmtpSink(certificate);

Console.WriteLine($"# {DateTime.UtcNow:yyyy-MM-ddTHH:mmZ} {Environment.ProcessorCount} cores; {messages} messages, {workers} workers; SMTP sink on 127.0.0.1 (plain and STARTTLS, P-256 certificate)");
Console.WriteLine($"{"path",-22} {"smtp",-9} {"connections",-22} {"msg/s",8} {"seconds",8} {"opened",7} {"received",9}");
// Warm-up: the first connections and sends pay for JIT compilation, which is not what is measured.
foreach (var warm in new[] { plainSink, tlsSink })
{
    foreach (var reuse in new[] { false, true })
    {
        await TransportAsync(new SmtpOptions { Host = "127.0.0.1", Port = warm.Port, Security = warm == tlsSink ? SmtpSecurity.StartTls : SmtpSecurity.None, CertificateSha256 = pin, ReuseConnections = reuse }, 200);
    }
}

var rates = new Dictionary<(string Path, bool Tls, bool Reuse), double>();
foreach (var (path, tls) in new[] { ("transport", false), ("transport", true), ("send job + SQLite log", true) })
{
    foreach (var reuse in new[] { false, true })
    {
        var sink = tls ? tlsSink : plainSink;
        sink.Reset();
        var smtp = new SmtpOptions
        {
            Host = "127.0.0.1",
            Port = sink.Port,
            Security = tls ? SmtpSecurity.StartTls : SmtpSecurity.None,
            CertificateSha256 = pin,
            ReuseConnections = reuse,
            MaxIdleConnections = workers,
        };
        var (rate, seconds) = path == "transport" ? await TransportAsync(smtp) : await JobAsync(smtp);
        rates[(path, tls, reuse)] = rate;
        Console.WriteLine($"{path,-22} {(tls ? "STARTTLS" : "plain"),-9} {(reuse ? "reused" : "one per message"),-22} {rate,8:F0} {seconds,8:F2} {sink.Sessions,7} {sink.Received,9}");
    }
}

foreach (var (path, tls) in new[] { ("transport", false), ("transport", true), ("send job + SQLite log", true) })
{
    Console.WriteLine($"reuse / one per message, {path}, {(tls ? "STARTTLS" : "plain")}: {rates[(path, tls, true)] / rates[(path, tls, false)]:F1}x");
}

return;

MimeKit.MimeMessage Message(int i)
{
    var message = new MimeKit.MimeMessage { Subject = "Your registration is confirmed · 注册已确认", MessageId = $"bench-{i}@summit.test" };
    message.From.Add(new MimeKit.MailboxAddress("CCI-FS Summit", "summit@cci-fs.example"));
    message.To.Add(new MimeKit.MailboxAddress($"Guest {i}", $"guest{i}@summit.test"));
    message.Body = new MimeKit.BodyBuilder { HtmlBody = $"<p>Dear Guest {i}, 您好</p><p>{new string('x', 1500)}</p>", TextBody = $"Dear Guest {i}, 您好\n{new string('x', 1500)}" }.ToMessageBody();
    return message;
}

async Task<(double Rate, double Seconds)> TransportAsync(SmtpOptions smtp, int? count = null)
{
    var total = count ?? messages;
    await using var transport = new SmtpMailTransport(Options.Create(smtp), TimeProvider.System);
    var next = 0;
    var clock = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, workers).Select(async _ =>
    {
        int i;
        while ((i = Interlocked.Increment(ref next)) <= total)
        {
            using var message = Message(i);
            await transport.SendAsync(message, CancellationToken.None);
        }
    }));
    clock.Stop();
    return (total / clock.Elapsed.TotalSeconds, clock.Elapsed.TotalSeconds);
}

async Task<(double Rate, double Seconds)> JobAsync(SmtpOptions smtp)
{
    var folder = Directory.CreateTempSubdirectory("summit-mailbench-");
    try
    {
        var options = new DbContextOptionsBuilder<SqliteSummitDbContext>();
        SummitDatabase.UseSqlite(options, $"Data Source={Path.Combine(folder.FullName, "summit.db")}", new DatabaseOptions());
        await using (var setup = new SqliteSummitDbContext(options.Options))
        {
            await setup.Database.MigrateAsync();
            for (var i = 0; i < messages; i++)
            {
                setup.OutgoingMails.Add(new OutgoingMail("bench.mail", $"guest{i}@summit.test", $"Guest {i}", i % 2 == 0 ? "en" : "zh-Hans",
                    "Your registration is confirmed · 注册已确认", $"<p>Dear Guest {i}, 您好</p><p>{new string('x', 1500)}</p>", $"Dear Guest {i}, 您好\n{new string('x', 1500)}", DateTimeOffset.UtcNow));
            }

            await setup.SaveChangesAsync();
        }

        await using var transport = new SmtpMailTransport(Options.Create(smtp), TimeProvider.System);
        var next = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(async _ =>
        {
            await using var db = new SqliteSummitDbContext(options.Options);
            var job = new SendMailJob(db, transport, Options.Create(smtp), TimeProvider.System, NullLogger<SendMailJob>.Instance);
            int id;
            while ((id = Interlocked.Increment(ref next)) <= messages)
            {
                await job.RunAsync(id, CancellationToken.None);
                db.ChangeTracker.Clear();
            }
        }));
        clock.Stop();
        return (messages / clock.Elapsed.TotalSeconds, clock.Elapsed.TotalSeconds);
    }
    finally
    {
        SqliteConnection.ClearAllPools();
        folder.Delete(recursive: true);
    }
}
