using System.Threading.Channels;
using Npgsql;
using Summit.Core;
using Summit.Core.Data;
using Summit.Core.Site;

namespace Summit.Web.Scheduling;

/// <summary>
/// On PostgreSQL, a web node LISTENs on <see cref="CacheEvictions.Channel"/> over one connection of its own and drops
/// the cached pages every other node says are stale (decision 0019). Each time it starts listening (at start, or
/// after the connection was lost) it drops its whole cache first: what it missed meanwhile cannot be served stale.
/// </summary>
internal sealed partial class CacheEvictionListener(SummitConnection connection, IServiceScopeFactory scopes, ILogger<CacheEvictionListener> logger) : BackgroundService
{
    /// <summary>Whether this node is listening now (for the tests, and the log).</summary>
    public bool Listening { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (connection.Provider != DatabaseProvider.Postgres)
        {
            return;
        }

        var tags = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
        var evicting = EvictAsync(tags.Reader, stoppingToken);
        var builder = new NpgsqlConnectionStringBuilder(connection.ConnectionString) { Pooling = false, KeepAlive = 15, ApplicationName = "summit-cache-listener" };
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var listen = new NpgsqlConnection(builder.ConnectionString);
                listen.Notification += (_, e) => tags.Writer.TryWrite(e.Payload);
                await listen.OpenAsync(stoppingToken);
                await using (var command = new NpgsqlCommand($"LISTEN {CacheEvictions.Channel}", listen))
                {
                    await command.ExecuteNonQueryAsync(stoppingToken);
                }

                tags.Writer.TryWrite(CacheEvictions.AllTag);
                Listening = true;
                while (true)
                {
                    await listen.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException or IOException or TimeoutException)
            {
                Listening = false;
                LogLost(logger, e.Message);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }

        Listening = false;
        tags.Writer.TryComplete();
        await evicting;
    }

    private async Task EvictAsync(ChannelReader<string> tags, CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var tag in tags.ReadAllAsync(stoppingToken))
            {
                using var scope = scopes.CreateScope();
                foreach (var cache in scope.ServiceProvider.GetServices<ILocalCacheEviction>())
                {
                    await cache.EvictAsync(tag, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cache evictions from other nodes: the LISTEN connection was lost ({Reason}); listening again in 1 s, then dropping this node's cached pages.")]
    private static partial void LogLost(ILogger logger, string reason);
}
