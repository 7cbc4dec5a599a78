using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Summit.Jobs.Hosting;

namespace Summit.Jobs.Tests.Hosting;

/// <summary>A quiet process gives memory back once per quiet spell, and never while it keeps allocating (issue 22).</summary>
public sealed class ReturnMemoryWhenIdleTests
{
    private const long Megabyte = 1024 * 1024;

    [Fact]
    public void A_quiet_spell_after_enough_work_returns_memory_once()
    {
        var watch = new IdleMemoryWatch(idleTicks: 2, afterBytes: 32 * Megabyte);
        var total = 0L;
        Assert.False(watch.Observe(total));
        total += 40 * Megabyte;
        Assert.False(watch.Observe(total));
        Assert.False(watch.Observe(total));
        Assert.True(watch.Observe(total));
        Assert.False(watch.Observe(total));
        Assert.False(watch.Observe(total + 1024));
    }

    [Fact]
    public void A_process_that_keeps_allocating_is_never_interrupted()
    {
        var watch = new IdleMemoryWatch(idleTicks: 2, afterBytes: 32 * Megabyte);
        var total = 0L;
        for (var second = 0; second < 600; second++)
        {
            total += IdleMemoryWatch.QuietBytesPerTick;
            Assert.False(watch.Observe(total));
        }
    }

    [Fact]
    public void A_quiet_spell_after_little_work_returns_nothing_until_enough_has_been_allocated()
    {
        var watch = new IdleMemoryWatch(idleTicks: 1, afterBytes: 32 * Megabyte);
        var total = 0L;
        watch.Observe(total);
        for (var spell = 0; spell < 5; spell++)
        {
            total += 6 * Megabyte;
            Assert.False(watch.Observe(total));
            Assert.False(watch.Observe(total));
        }

        total += 4 * Megabyte;
        Assert.False(watch.Observe(total));
        Assert.True(watch.Observe(total));
    }

    [Fact]
    public void Quiet_seconds_are_counted_again_after_each_busy_one()
    {
        var watch = new IdleMemoryWatch(idleTicks: 3, afterBytes: Megabyte);
        var total = 0L;
        watch.Observe(total);
        total += 2 * IdleMemoryWatch.QuietBytesPerTick;
        watch.Observe(total);
        Assert.False(watch.Observe(total));
        Assert.False(watch.Observe(total));
        total += IdleMemoryWatch.QuietBytesPerTick;
        Assert.False(watch.Observe(total));
        Assert.False(watch.Observe(total));
        Assert.False(watch.Observe(total));
        Assert.True(watch.Observe(total));
    }

    [Fact]
    public async Task The_service_collects_and_trims_the_C_heap_when_the_process_goes_quiet()
    {
        var lines = new List<string>();
        var counter = 0L;
        var readings = 0;
        long Allocated()
        {
            // Busy for the first three seconds, then quiet.
            if (Interlocked.Increment(ref readings) <= 3)
            {
                Interlocked.Add(ref counter, 64 * Megabyte);
            }

            return Interlocked.Read(ref counter);
        }

        var options = Options.Create(new MemoryOptions { IdleSeconds = 2, AfterMegabytes = 32 });
        using var service = new ReturnMemoryWhenIdle(options, new ListLogger(lines), Allocated, TimeSpan.FromMilliseconds(20));
        await service.StartAsync(TestContext.Current.CancellationToken);
        for (var wait = 0; wait < 250 && Count(lines) == 0; wait++)
        {
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }

        await Task.Delay(200, TestContext.Current.CancellationToken);
        await service.StopAsync(TestContext.Current.CancellationToken);

        var line = Assert.Single(lines, l => l.StartsWith("Memory returned while quiet", StringComparison.Ordinal));
        if (OperatingSystem.IsLinux())
        {
            Assert.DoesNotContain(ReturnMemoryWhenIdle.NativeHeap.NotGlibc, line, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Switched_off_it_returns_nothing()
    {
        var lines = new List<string>();
        var counter = 0L;
        var options = Options.Create(new MemoryOptions { ReturnWhenIdle = false, IdleSeconds = 1, AfterMegabytes = 1 });
        using var service = new ReturnMemoryWhenIdle(options, new ListLogger(lines), () => counter += Megabyte * 64, TimeSpan.FromMilliseconds(10));
        await service.StartAsync(TestContext.Current.CancellationToken);
        await Task.Delay(300, TestContext.Current.CancellationToken);
        await service.StopAsync(TestContext.Current.CancellationToken);
        Assert.Equal(0, Count(lines));
        Assert.Equal(0, counter);
    }

    private static int Count(List<string> lines)
    {
        lock (lines)
        {
            return lines.Count;
        }
    }

    private sealed class ListLogger(List<string> lines) : ILogger<ReturnMemoryWhenIdle>
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (lines)
            {
                lines.Add(formatter(state, exception));
            }
        }
    }
}
