using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Summit.Web.Tests.Webhooks;

/// <summary>A real receiver: Kestrel on 127.0.0.1, keeping every POST it gets; while down it answers 503.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication app;

    private WebhookReceiver(WebApplication app) => this.app = app;

    public sealed record Received(string Body, string? Signature, string? EventId, string? EventType, DateTimeOffset At, bool Accepted);

    public ConcurrentQueue<Received> Requests { get; } = new();

    private volatile bool down;

    /// <summary>While true, every POST is answered 503 (and still recorded).</summary>
    public bool Down
    {
        get => down;
        set => down = value;
    }

    public Uri Url { get; private set; } = null!;

    public IEnumerable<Received> Accepted => Requests.Where(r => r.Accepted);

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/hooks/summit", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync(context.RequestAborted);
            var down = receiver.Down;
            receiver.Requests.Enqueue(new Received(body, context.Request.Headers["Summit-Signature"], context.Request.Headers["Summit-Event-Id"], context.Request.Headers["Summit-Event-Type"], DateTimeOffset.UtcNow, !down));
            return down ? Results.StatusCode(StatusCodes.Status503ServiceUnavailable) : Results.Text("ok");
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Url = new Uri(new Uri(address), "/hooks/summit");
        return receiver;
    }

    public async Task WaitAsync(Func<WebhookReceiver, bool> done, TimeSpan timeout, Func<string> describe)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!done(this))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException(describe());
            }

            await Task.Delay(200);
        }
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
