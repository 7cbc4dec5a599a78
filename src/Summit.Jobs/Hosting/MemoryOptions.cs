using System.ComponentModel.DataAnnotations;

namespace Summit.Jobs.Hosting;

/// <summary>The <c>Memory</c> section: when a process that has gone quiet gives its spare memory back.</summary>
public sealed class MemoryOptions
{
    public const string Section = "Memory";

    /// <summary>
    /// After a burst of work, once the process has been quiet for <see cref="IdleSeconds"/>, collect the managed heap
    /// compactly (returning its free regions) and hand the C heap's free pages back (glibc's <c>malloc_trim</c>).
    /// </summary>
    public bool ReturnWhenIdle { get; set; } = true;

    /// <summary>Seconds in a row with less than <see cref="IdleMemoryWatch.QuietBytesPerTick"/> allocated.</summary>
    [Range(1, 3600)]
    public int IdleSeconds { get; set; } = 2;

    /// <summary>How much must have been allocated since the last return for another to be worth its pause.</summary>
    [Range(1, 100_000)]
    public int AfterMegabytes { get; set; } = 32;
}
