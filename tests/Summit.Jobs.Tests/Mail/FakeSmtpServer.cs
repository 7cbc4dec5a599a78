using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Summit.Jobs.Tests.Mail;

/// <summary>A real SMTP server (the SmtpServer package) on 127.0.0.1 that keeps what it receives, or refuses it.</summary>
public sealed class InProcessSmtpServer : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly Task running;

    /// <param name="answer">The answer to every message (OK unless given).</param>
    /// <param name="first">Answers to the first messages, in order, before <paramref name="answer"/> applies (a 4xx, then OK).</param>
    public InProcessSmtpServer(SmtpResponse? answer = null, params SmtpResponse[] first)
        : this(null, answer, first)
    {
    }

    /// <param name="certificate">Offered for STARTTLS when given.</param>
    public InProcessSmtpServer(System.Security.Cryptography.X509Certificates.X509Certificate2? certificate, SmtpResponse? answer = null, params SmtpResponse[] first)
    {
        Port = FreePort();
        foreach (var response in first)
        {
            Pending.Enqueue(response);
        }

        var options = new SmtpServerOptionsBuilder().ServerName("localhost")
            .Endpoint(e =>
            {
                e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port));
                if (certificate is not null)
                {
                    e.Certificate(certificate);
                }
            })
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this, answer ?? SmtpResponse.Ok));
        var server = new SmtpServer.SmtpServer(options, services);
        server.SessionCreated += (_, _) => Interlocked.Increment(ref sessions);
        running = server.StartAsync(stop.Token);
    }

    private int sessions;

    /// <summary>SMTP sessions (connections) the server has seen.</summary>
    public int Sessions => Volatile.Read(ref sessions);

    private ConcurrentQueue<SmtpResponse> Pending { get; } = new();

    public int Port { get; }

    public ConcurrentQueue<MimeMessage> Received { get; } = new();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        try
        {
            await running;
        }
        catch (OperationCanceledException)
        {
        }

        stop.Dispose();
    }

    private sealed class Store(InProcessSmtpServer owner, SmtpResponse answer) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(SmtpServer.ISessionContext context, SmtpServer.IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            var reply = owner.Pending.TryDequeue(out var scripted) ? scripted : answer;
            if (reply != SmtpResponse.Ok)
            {
                return reply;
            }

            using var stream = new MemoryStream(buffer.ToArray());
            owner.Received.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}
