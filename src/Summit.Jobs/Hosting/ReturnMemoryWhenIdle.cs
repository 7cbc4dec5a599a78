using System.Diagnostics;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Summit.Jobs.Hosting;

/// <summary>
/// Gives a quiet process's spare memory back to the machine (issue 22, item 5; docs/decisions/0021). The runtime keeps
/// what a burst needed: the collector its free regions and its budget, glibc the pages of freed native blocks (the JIT's,
/// SQLite's). Once the burst is over, a compacting collection and <c>malloc_trim</c> return them, so a node at rest, or
/// after the rush, holds what it uses.
/// </summary>
public sealed class ReturnMemoryWhenIdle : BackgroundService
{
    private readonly IOptions<MemoryOptions> options;
    private readonly ILogger<ReturnMemoryWhenIdle> logger;
    private readonly Func<long> allocatedBytes;
    private readonly TimeSpan tick;

    public ReturnMemoryWhenIdle(IOptions<MemoryOptions> options, ILogger<ReturnMemoryWhenIdle> logger)
        : this(options, logger, () => GC.GetTotalAllocatedBytes(), TimeSpan.FromSeconds(1))
    {
    }

    /// <summary>For tests: the allocation counter and the tick are given, so a test process's own work is not read.</summary>
    internal ReturnMemoryWhenIdle(IOptions<MemoryOptions> options, ILogger<ReturnMemoryWhenIdle> logger, Func<long> allocatedBytes, TimeSpan tick)
    {
        this.options = options;
        this.logger = logger;
        this.allocatedBytes = allocatedBytes;
        this.tick = tick;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.ReturnWhenIdle)
        {
            return;
        }

        var watch = new IdleMemoryWatch(settings.IdleSeconds, settings.AfterMegabytes * 1024L * 1024);
        using var timer = new PeriodicTimer(tick);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                if (watch.Observe(allocatedBytes()))
                {
                    Return();
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private void Return()
    {
        var before = Environment.WorkingSet;
        var started = Stopwatch.GetTimestamp();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        var heap = NativeHeap.Trim();
        logger.LogDebug(
            "Memory returned while quiet: {Before} MB -> {After} MB in {Milliseconds:F1} ms (C heap: {Heap})",
            before / (1024 * 1024), Environment.WorkingSet / (1024 * 1024), Stopwatch.GetElapsedTime(started).TotalMilliseconds, heap);
    }

    /// <summary>glibc's <c>malloc_trim</c>; on another C library (musl) or another system nothing is trimmed.</summary>
    internal static class NativeHeap
    {
        public const string NotGlibc = "not glibc";
        private static bool available = OperatingSystem.IsLinux();

        public static string Trim()
        {
            if (!available)
            {
                return NotGlibc;
            }

            try
            {
                return NativeMethods.malloc_trim(0) != 0 ? "trimmed" : "nothing to trim";
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                available = false;
                return NotGlibc;
            }
        }
    }

    private static class NativeMethods
    {
        [DllImport("libc.so.6", ExactSpelling = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int malloc_trim(nuint pad);
    }
}
