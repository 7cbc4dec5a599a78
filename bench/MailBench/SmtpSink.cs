using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace MailBench;

/// <summary>
/// A minimal SMTP sink for the benchmark: greets, accepts every envelope and message, offers STARTTLS when given a
/// certificate, and counts sessions and messages. Replies go out in one write each with Nagle off, as real servers
/// (Postfix, Exim) do, so the benchmark measures the client and not a sink waiting on delayed ACKs.
/// </summary>
internal sealed class SmtpSink : IAsyncDisposable
{
    private readonly TcpListener listener;
    private readonly X509Certificate2? certificate;
    private readonly TimeSpan delay;
    private readonly CancellationTokenSource stop = new();
    private readonly Task accepting;
    private int sessions;
    private int received;

    /// <param name="port">0 for any free port.</param>
    /// <param name="delay">How long the sink takes over each message before accepting it, as a busy relay does.</param>
    public SmtpSink(X509Certificate2? certificate, int port = 0, TimeSpan delay = default)
    {
        this.certificate = certificate;
        this.delay = delay;
        listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start(512);
        accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    public int Sessions => Volatile.Read(ref sessions);

    public int Received => Volatile.Read(ref received);

    public void Reset()
    {
        Interlocked.Exchange(ref sessions, 0);
        Interlocked.Exchange(ref received, 0);
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        try
        {
            await accepting;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            var client = await listener.AcceptTcpClientAsync(stop.Token);
            client.NoDelay = true;
            Interlocked.Increment(ref sessions);
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            Stream stream = client.GetStream();
            try
            {
                var reader = new StreamReader(stream, Encoding.ASCII);
                await WriteAsync(stream, "220 localhost ESMTP sink\r\n");
                while (await reader.ReadLineAsync(stop.Token) is { } line)
                {
                    var verb = line.Length >= 4 ? line[..4].ToUpperInvariant() : line.ToUpperInvariant();
                    switch (verb)
                    {
                        case "EHLO":
                            await WriteAsync(stream, certificate is null ? "250-localhost\r\n250-PIPELINING\r\n250 8BITMIME\r\n" : "250-localhost\r\n250-PIPELINING\r\n250-8BITMIME\r\n250 STARTTLS\r\n");
                            break;
                        case "STAR" when certificate is not null:
                            await WriteAsync(stream, "220 go ahead\r\n");
                            var tls = new SslStream(stream);
                            await tls.AuthenticateAsServerAsync(certificate);
                            stream = tls;
                            reader = new StreamReader(stream, Encoding.ASCII);
                            break;
                        case "DATA":
                            await WriteAsync(stream, "354 end with <CRLF>.<CRLF>\r\n");
                            while (await reader.ReadLineAsync(stop.Token) is { } data && data != ".")
                            {
                            }

                            if (delay > TimeSpan.Zero)
                            {
                                await Task.Delay(delay, stop.Token);
                            }

                            Interlocked.Increment(ref received);
                            await WriteAsync(stream, "250 queued\r\n");
                            break;
                        case "QUIT":
                            await WriteAsync(stream, "221 bye\r\n");
                            return;
                        default:
                            await WriteAsync(stream, "250 ok\r\n");
                            break;
                    }
                }
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException or SocketException)
            {
            }
            finally
            {
                await stream.DisposeAsync();
            }
        }
    }

    private static async Task WriteAsync(Stream stream, string reply)
    {
        await stream.WriteAsync(Encoding.ASCII.GetBytes(reply));
        await stream.FlushAsync();
    }
}
