using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Summit.Web.Tests.ScaleOut;

/// <summary>
/// A Summit process of its own (<c>dotnet Summit.Web.dll</c> or <c>dotnet Summit.Jobs.dll</c>, as built by the
/// solution), with its own port and storage folder: a real node, which a test can kill with SIGKILL.
/// </summary>
public sealed class NodeProcess : IDisposable
{
    private readonly ConcurrentQueue<string> log = new();
    private Process? process;

    private NodeProcess(string name, string dll, IReadOnlyDictionary<string, string> environment, int port)
    {
        Name = name;
        Dll = dll;
        Environment = environment;
        Port = port;
        Storage = Directory.CreateTempSubdirectory($"summit-{name}-").FullName;
    }

    public string Name { get; }

    public int Port { get; }

    public string Storage { get; }

    public Uri Address => new($"http://127.0.0.1:{Port}");

    private string Dll { get; }

    private IReadOnlyDictionary<string, string> Environment { get; }

    /// <summary>The last lines the process wrote, for a failure's message.</summary>
    public string Tail => string.Join('\n', log.TakeLast(40));

    public static NodeProcess Web(string name, IReadOnlyDictionary<string, string> settings)
    {
        var port = FreePort();
        var environment = new Dictionary<string, string>(settings) { ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}" };
        return new NodeProcess(name, Path.Combine(RepositoryRoot(), "src", "Summit.Web", "bin", Configuration, "net10.0", "Summit.Web.dll"), environment, port);
    }

    public static NodeProcess Worker(string name, IReadOnlyDictionary<string, string> settings)
    {
        var port = FreePort();
        var environment = new Dictionary<string, string>(settings) { ["Health__WorkerPort"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        return new NodeProcess(name, Path.Combine(RepositoryRoot(), "src", "Summit.Jobs", "bin", Configuration, "net10.0", "Summit.Jobs.dll"), environment, port);
    }

    public void Start()
    {
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(Dll)! };
        start.ArgumentList.Add(Dll);
        foreach (var (key, value) in Environment)
        {
            start.Environment[key] = value;
        }

        start.Environment["Storage__Path"] = Storage;
        process = Process.Start(start) ?? throw new InvalidOperationException($"{Name} did not start");
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>Waits until <c>/health/ready</c> answers 200.</summary>
    public async Task WaitReadyAsync(TimeSpan timeout)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until)
        {
            if (process is { HasExited: true })
            {
                throw new InvalidOperationException($"{Name} exited with {process.ExitCode}:\n{Tail}");
            }

            try
            {
                using var ready = await client.GetAsync(new Uri(Address, "/health/ready"));
                if (ready.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"{Name} was not ready after {timeout.TotalSeconds} s:\n{Tail}");
    }

    /// <summary>SIGKILL: no drain, no clean-up, as a crash or the OOM killer.</summary>
    public void Kill()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
    }

    public void Dispose()
    {
        Kill();
        process?.Dispose();
        try
        {
            Directory.Delete(Storage, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        log.Enqueue(line);
        while (log.Count > 200)
        {
            log.TryDequeue(out _);
        }
    }

#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Summit.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("Summit.sln not found above the test's folder.");
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}

/// <summary>The balancer in front of the web nodes: each request goes to the next node in turn (round robin), one cookie jar for all, as a browser behind a load balancer.</summary>
public sealed class RoundRobin(IReadOnlyList<NodeProcess> nodes) : DelegatingHandler(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() })
{
    private int next = -1;

    /// <summary>Which node the last request went to.</summary>
    public NodeProcess Last { get; private set; } = nodes[0];

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        Last = nodes[(int)((uint)Interlocked.Increment(ref next) % (uint)nodes.Count)];
        request.RequestUri = new Uri(Last.Address, request.RequestUri!.PathAndQuery);
        return base.SendAsync(request, cancellationToken);
    }
}
