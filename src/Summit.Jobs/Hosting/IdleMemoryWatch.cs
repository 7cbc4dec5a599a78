namespace Summit.Jobs.Hosting;

/// <summary>
/// Decides, from the process's total allocated bytes read once a second, when a quiet spell follows enough work for
/// memory to be given back: never while requests or jobs keep allocating, and once per quiet spell at most.
/// </summary>
public sealed class IdleMemoryWatch(int idleTicks, long afterBytes)
{
    /// <summary>
    /// Below this a second counts as quiet: an idle worker's job fetchers allocate about 1 MB a second between them, a
    /// page view a few hundred kilobytes, a rush tens of megabytes. A trickle of views counts as quiet too; what bounds
    /// the pauses then is the <c>afterBytes</c> that must be allocated between two returns.
    /// </summary>
    public const long QuietBytesPerTick = 2 * 1024 * 1024;

    private long? last;
    private long atLastReturn;
    private int quietTicks;

    /// <summary>One sample; true when memory should be given back now.</summary>
    public bool Observe(long totalAllocatedBytes)
    {
        var previous = last;
        last = totalAllocatedBytes;
        if (previous is null)
        {
            return false;
        }

        quietTicks = totalAllocatedBytes - previous.Value < QuietBytesPerTick ? quietTicks + 1 : 0;
        if (quietTicks < idleTicks || totalAllocatedBytes - atLastReturn < afterBytes)
        {
            return false;
        }

        atLastReturn = totalAllocatedBytes;
        return true;
    }
}
