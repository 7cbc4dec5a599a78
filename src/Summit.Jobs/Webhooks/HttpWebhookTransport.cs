using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Options;
using Summit.Core.Webhooks;

namespace Summit.Jobs.Webhooks;

/// <summary>
/// Posts webhooks over HTTP: no proxy, no redirects (a redirect is an answer, and not a success), the address the
/// name resolves to checked at connect time (an internal one only for an allowed host), a timeout per attempt,
/// and at most 1 KB of the answer read.
/// </summary>
public sealed class HttpWebhookTransport : IWebhookTransport, IDisposable
{
    private readonly HttpClient client;
    private readonly IOptions<WebhookOptions> options;

    public HttpWebhookTransport(IOptions<WebhookOptions> options)
    {
        this.options = options;
        var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            AllowAutoRedirect = false,
            UseCookies = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            MaxConnectionsPerServer = 64,
            ConnectCallback = ConnectAsync,
        };
        client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        client.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("Summit-Webhooks", "1"));
    }

    public async Task<WebhookAttempt> PostAsync(Uri url, string body, IReadOnlyList<KeyValuePair<string, string>> headers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(headers);
        var at = DateTimeOffset.UtcNow;
        var watch = Stopwatch.StartNew();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.Timeout);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            string? answer;
            try
            {
                answer = await ReadStartAsync(response, timeout.Token);
            }
            catch (Exception exception) when (exception is IOException or HttpRequestException && !cancellationToken.IsCancellationRequested)
            {
                // The status came; the body broke off (reset, shorter than announced): the status decides.
                answer = $"(the answer broke off: {exception.Message})";
            }

            return new WebhookAttempt(at, (int)response.StatusCode, answer, response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}", Elapsed(watch));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new WebhookAttempt(at, null, null, $"No answer within {options.Value.Timeout.TotalSeconds:0} s.", Elapsed(watch));
        }
        catch (HttpRequestException exception)
        {
            var blocked = exception.InnerException as BlockedAddressException;
            return new WebhookAttempt(at, null, null, blocked?.Message ?? Describe(exception), Elapsed(watch));
        }
    }

    public void Dispose() => client.Dispose();

    private static int Elapsed(Stopwatch watch) => (int)Math.Min(int.MaxValue, watch.ElapsedMilliseconds);

    private static async Task<string?> ReadStartAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[WebhookDelivery.ResponseMaxLength];
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await stream.ReadAsync(buffer.AsMemory(read), cancellationToken);
            if (n == 0)
            {
                break;
            }

            read += n;
        }

        return read == 0 ? null : Encoding.UTF8.GetString(buffer, 0, read);
    }

    private static string Describe(Exception exception)
    {
        var parts = new List<string>();
        for (var e = exception; e is not null; e = e.InnerException)
        {
            parts.Add(e.Message);
        }

        return string.Join(" → ", parts.Distinct());
    }

    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
        var usable = options.Value.IsAllowedInternal(host) ? addresses : addresses.Where(a => !WebhookAddresses.IsInternal(a)).ToArray();
        if (usable.Length == 0)
        {
            throw new BlockedAddressException(WebhookAddresses.Reasons.Blocked);
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(usable, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private sealed class BlockedAddressException(string message) : IOException(message);
}
