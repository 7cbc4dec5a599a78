using System.Net;
using System.Net.Sockets;
using Microsoft.Playwright;
using Summit.Core.Data;
using Summit.Testing;

namespace Summit.Browser.Tests;

/// <summary>The real app on Kestrel (a real port on 127.0.0.1) and Debian's Chromium driven by Playwright.</summary>
public sealed class BrowserApp : IAsyncLifetime
{
    public static readonly string[] ChromiumFlags =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
    ];

    private SummitFactory? factory;
    private IPlaywright? playwright;
    private IBrowser? browser;

    public Uri BaseAddress { get; private set; } = new("http://localhost");

    /// <summary>The app under the browser; like a browser context, it skips the test (fails under CI) without Chromium.</summary>
    public SummitFactory Factory
    {
        get
        {
            TestEnvironment.RequireChromium();
            return factory ?? throw new InvalidOperationException("The app did not start.");
        }
    }

    /// <summary>A fresh browser context (own cookies) at the given viewport, script on unless told; skips (fails under CI) without Chromium.</summary>
    public async Task<IBrowserContext> NewContextAsync(int width = 1280, int height = 900, string locale = "en-GB", bool javaScript = true)
    {
        TestEnvironment.RequireChromium();
        var context = await browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = locale,
            JavaScriptEnabled = javaScript,
        });
        return context;
    }

    /// <summary>
    /// Another Chromium with extra flags (a fake camera, say), closed by the caller; skips (fails under CI) without Chromium.
    /// </summary>
    public async Task<IBrowser> LaunchAsync(params string[] flags)
    {
        TestEnvironment.RequireChromium();
        return await playwright!.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable(TestEnvironment.ChromiumVariable),
            Headless = true,
            Args = [.. ChromiumFlags, .. flags],
        });
    }

    public async ValueTask InitializeAsync()
    {
        var chromium = Environment.GetEnvironmentVariable(TestEnvironment.ChromiumVariable);
        if (string.IsNullOrWhiteSpace(chromium))
        {
            return;
        }

        var port = FreePort();
        factory = new SummitFactory(DatabaseProvider.Sqlite);
        // The browser journeys walk the demo edition as a newcomer meets it (its accounts, programme and report),
        // copied from the run's seeded template.
        await DemoTemplate.CopySqliteAsync(factory.StoragePath);
        factory.Settings["Demo:Seed"] = "true";
        // "localhost" rather than 127.0.0.1: Chromium treats it as a secure context, so the Secure cookies work over
        // http, and a passkey's relying party must be a domain. The public address is the one the browser uses.
        BaseAddress = new Uri($"http://localhost:{port}/");
        factory.Settings["Web:PublicUrl"] = BaseAddress.ToString();
        factory.UseKestrel(port);
        factory.StartServer();

        // Two cores run this suite beside the web suite: a live preview or a redirect can take more than Playwright's
        // 5 s default to show. A real failure still fails, later.
        Assertions.SetDefaultExpectTimeout(15_000);
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ChromiumFlags,
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
