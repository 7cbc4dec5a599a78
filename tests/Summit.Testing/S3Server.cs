using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Summit.Testing;

/// <summary>
/// A real S3-compatible server for a test: s3rver (from npm, <see cref="TestEnvironment.S3rverVariable"/>) on 127.0.0.1
/// and a free port, with one empty bucket, its data in a folder of its own; stopped and removed on dispose.
/// </summary>
public sealed class S3Server : IAsyncDisposable
{
    public const string AccessKey = "S3RVER";
    public const string SecretKey = "S3RVER";

    private readonly Process process;
    private readonly DirectoryInfo folder;

    private S3Server(Process process, DirectoryInfo folder, string serviceUrl, string bucket)
    {
        this.process = process;
        this.folder = folder;
        ServiceUrl = serviceUrl;
        Bucket = bucket;
    }

    public string ServiceUrl { get; }

    public string Bucket { get; }

    /// <summary>The settings that point an app's file store at this server.</summary>
    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Files:Store"] = "s3",
        ["Files:S3:ServiceUrl"] = ServiceUrl,
        ["Files:S3:Bucket"] = Bucket,
        ["Files:S3:AccessKey"] = AccessKey,
        ["Files:S3:SecretKey"] = SecretKey,
    };

    public static async Task<S3Server> StartAsync(string bucket = "summit-files")
    {
        var script = TestEnvironment.RequireS3rver();
        var folder = Directory.CreateTempSubdirectory("summit-s3-");
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { script, "-d", folder.FullName, "-a", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--silent", "--configure-bucket", bucket })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new S3Server(process, folder, $"http://127.0.0.1:{port}", bucket);
        var until = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                // The port answers once the bucket exists (s3rver makes it before it listens).
                return server;
            }
            catch (SocketException) when (DateTime.UtcNow < until && !process.HasExited)
            {
                await Task.Delay(100);
            }
            catch
            {
                await server.DisposeAsync();
                throw;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        folder.Delete(recursive: true);
    }
}
